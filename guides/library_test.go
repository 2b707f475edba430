package guides

import (
	"os"
	"path/filepath"
	"pathways/guides/guidestest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// problemsText joins problems one per line, for readable failures.
func problemsText(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func TestFrontMatterProblems(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // each must appear, as "file:line: message" fragments
	}{
		{"missing-title.md", "---\nsummary: s\nreviewed: 2026-01-02\n---\nbody\n",
			[]string{`missing-title.md:1: missing required field "title"`}},
		{"no-summary.md", "---\ntitle: T\nreviewed: 2026-01-02\n---\nbody\n",
			[]string{`no-summary.md:1: missing required field "summary"`}},
		{"bad-date.md", "---\ntitle: T\nsummary: s\nreviewed: 27/11/2026\n---\nbody\n",
			[]string{`bad-date.md:4: reviewed "27/11/2026" is not a date`}},
		{"no-reviewed.md", "---\ntitle: T\nsummary: s\n---\nbody\n",
			[]string{`no-reviewed.md:1: missing required field "reviewed"`}},
		{"bad-yaml.md", "---\ntitle: T\nsummary: s\nreviewed: 2026-01-02\ntags: [a, b\n---\nbody\n",
			[]string{"bad-yaml.md:5: front matter:"}},
		{"wrong-type.md", "---\ntitle: T\nsummary: s\nreviewed: 2026-01-02\ntags:\n  nested: map\n---\nbody\n",
			[]string{"wrong-type.md:6: front matter:"}},
		{"unknown-field.md", "---\ntitle: T\nsummary: s\nreviewed: 2026-01-02\ntitel: typo\n---\nbody\n",
			[]string{"unknown-field.md:5: front matter:", "titel"}},
		{"bad-slug.md", "---\ntitle: T\nsummary: s\nslug: Bad Slug\nreviewed: 2026-01-02\n---\nbody\n",
			[]string{`bad-slug.md:4: slug "Bad Slug" must be lowercase`}},
		{"empty-body.md", "---\ntitle: T\nsummary: s\nreviewed: 2026-01-02\n---\n\n\n",
			[]string{"empty-body.md:5: empty body"}},
		{"no-front.md", "# Just markdown\n", []string{"no-front.md:1: missing front matter"}},
		{"unclosed.md", "---\ntitle: T\nsummary: s\n", []string{"unclosed.md:1: front matter is not closed"}},
		{"empty.md", "", []string{"empty.md: empty file"}},
		{"latin1.md", "---\ntitle: caf\xe9\n---\n", []string{"latin1.md:2: not valid UTF-8 (bad byte at offset 14)"}},
		{"binary.md", "---\x00\x01", []string{"binary.md:1: binary file"}},
		{"alias.md", "---\ntitle: &a T\nsummary: *a\nreviewed: 2026-01-02\n---\nbody\n",
			[]string{"alias.md:2: YAML anchors and aliases"}},
		{"bad-source.md", "---\ntitle: T\nsummary: s\nreviewed: 2026-01-02\nsources:\n  - title: X\n    url: ftp://x\n  - url: https://x\n---\nbody\n",
			[]string{`bad-source.md:6: source 1: url "ftp://x" must start with https://`, "bad-source.md:8: source 2 needs both title and url"}},
		{"lone-cr.md", "---\ntitle: T\nsummary: s\rreviewed: 2026-01-02\n---\nbody\n",
			[]string{"lone-cr.md:3: front matter holds a carriage return that does not end a line"}},
		{"crlf.md", "---\r\ntitle: T\r\nsummary: s\r\n---\r\nbody\r\n",
			[]string{`crlf.md:1: missing required field "reviewed"`}},
		{"typed-values.md", "---\ntitle: 2026\nsummary: !!str s\nreviewed: 2026-01-02\ntags:\nsources:\n  - title: X\n    link: https://x\n  - just text\n---\nbody\n",
			[]string{`typed-values.md:8: front matter: unknown or repeated source field "link"`, "typed-values.md:9: front matter: a source must be fields (title:, url:, …), not text"}},
		{"list-title.md", "---\ntitle: [a, b]\nsummary: s\nreviewed: 2026-01-02\n---\nbody\n",
			[]string{"list-title.md:2: front matter: title must be text, not a list"}},
		{"crlf-quoted.md", "---\r\ntitle: 'T\r\n  more'\r\n'\r\n\r\n'0\r\n---\r\nbody\r\n",
			[]string{"crlf-quoted.md:4: front matter: non-map value is specified"}},
		{"two-line-summary.md", "---\ntitle: T\nsummary: |\n  one\n  two\nreviewed: 2026-01-02\n---\nbody\n",
			[]string{"two-line-summary.md:3: summary must be one line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib := Load([]Dir{{FS: fstest.MapFS{tt.name: {Data: []byte(tt.data)}}, Name: "d"}}, Options{})
			got := problemsText(lib.Problems())
			for _, w := range tt.want {
				if !strings.Contains(got, "d/"+w) && !strings.Contains(got, w) {
					t.Errorf("problems do not contain %q:\n%s", w, got)
				}
			}
			if got == "" {
				t.Errorf("no problems reported")
			}
		})
	}
}

func TestLinkProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: A\nsummary: s\nreviewed: 2026-01-02\nrelated: [b, nope]\n---\n" +
			"[ok](/b) [missing](/lmai-work-permit)\n\n[bad anchor](/b#nowhere) [self](#nothere)\n\n[bare](b)\n")},
		"b.md": {Data: []byte(guideFile("B", "## Only\n"))},
		"c.md": {Data: []byte("---\ntitle: C\nsummary: s\nslug: b\nreviewed: 2026-01-02\n---\nDuplicate.\n")},
	}
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{})
	got := problemsText(lib.Problems())
	for _, w := range []string{
		`d/a.md:1: related: no guide "nope"`,
		`d/a.md:7: link "/lmai-work-permit": no guide "lmai-work-permit"`,
		`d/a.md:9: link "/b#nowhere": guide "b" has no heading with anchor "nowhere"`,
		`d/a.md:9: link "#nothere": no heading with anchor "nothere" in this guide`,
		`d/a.md:11: link "b" is not a guide link`,
		`d/c.md:1: duplicate slug "b" (also d/b.md)`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing problem %q in:\n%s", w, got)
		}
	}
	// The good guides still load.
	if _, ok := lib.Guide("a"); !ok {
		t.Error("guide a did not load")
	}
	if _, ok := lib.Guide("b"); !ok {
		t.Error("guide b did not load")
	}
}

// TestScalarsAsWritten: numbers, quoted text and tagged values in the
// header read as they are written.
func TestScalarsAsWritten(t *testing.T) {
	data := "---\ntitle: 1.50\nsummary: \"quoted: yes\"\nslug: !!str s-1\nreviewed: 2026-01-02\ntags: [2026, 'pgwp']\n---\nbody\n"
	lib := Load([]Dir{{FS: fstest.MapFS{"x.md": {Data: []byte(data)}}, Name: "d"}}, Options{})
	g, ok := lib.Guide("s-1")
	if !ok {
		t.Fatalf("guide did not load: %s", problemsText(lib.Problems()))
	}
	if g.Title != "1.50" || g.Summary != "quoted: yes" || !slices.Equal(g.Tags, []string{"2026", "pgwp"}) {
		t.Errorf("got title %q, summary %q, tags %q", g.Title, g.Summary, g.Tags)
	}
}

// TestLazyListing: the lazy load that list uses finds the same guides and
// header problems as a full load, and reads no body until one is asked for.
func TestLazyListing(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":   {Data: []byte(guideFile("A", "[missing](/nowhere)\n\n## Section\n"))},
		"b.md":   {Data: []byte(guideFile("B", "Text.\n"))},
		"bad.md": {Data: []byte("---\ntitle: T\nsummary: s\nreviewed: 27/11/2026\n---\nbody\n")},
	}
	full := Load([]Dir{{FS: fsys, Name: "d"}}, Options{})
	quick := Load([]Dir{{FS: fsys, Name: "d"}}, Options{Lazy: true})
	var fullSlugs, quickSlugs []string
	for _, g := range full.Guides() {
		fullSlugs = append(fullSlugs, g.Slug)
	}
	for _, g := range quick.Guides() {
		quickSlugs = append(quickSlugs, g.Slug)
		if g.lazy == nil || g.lazy.done.Load() {
			t.Errorf("%s: listing analysed the body", g.Slug)
		}
	}
	if !slices.Equal(fullSlugs, quickSlugs) {
		t.Errorf("guides: full %v, headers only %v", fullSlugs, quickSlugs)
	}
	got := problemsText(quick.Problems())
	if !strings.Contains(got, `d/bad.md:4: reviewed "27/11/2026" is not a date`) {
		t.Errorf("header problem missing from headers-only load:\n%s", got)
	}
	if strings.Contains(got, "nowhere") {
		t.Errorf("headers-only load reported a link problem:\n%s", got)
	}
	if !strings.Contains(problemsText(full.Problems()), "nowhere") {
		t.Error("full load missed the broken link")
	}
}

func TestFolderOverridesAndMerges(t *testing.T) {
	base := fstest.MapFS{
		"work-permit-canada-pathways.md": {Data: []byte(guideFile("Overview", "[x](/x) [y](/y)\n"))},
		"x.md":                           {Data: []byte(guideFile("Embedded X", "Original.\n"))},
	}
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("x.md", guideFile("My X", "Replaced.\n"))
	write("y.md", guideFile("My Y", "New. Back to [the overview](/work-permit-canada-pathways).\n"))
	write("broken.md", "---\ntitle: [\n---\n")
	write("README.md", "not a guide")
	write("notes.txt", "not markdown")

	lib := Load([]Dir{{FS: base, Name: "guides/content", Embedded: true}, OSDir(dir)}, Options{})
	x, _ := lib.Guide("x")
	if x == nil || x.Title != "My X" || x.Origin != filepath.ToSlash(filepath.Join(dir, "x.md")) {
		t.Errorf("x = %+v, want the folder's version", x)
	}
	y, ok := lib.Guide("y")
	if !ok || y.Title != "My Y" {
		t.Errorf("y not added from folder")
	}
	var slugs []string
	for _, g := range lib.Guides() {
		slugs = append(slugs, g.Slug)
	}
	if strings.Join(slugs, " ") != "work-permit-canada-pathways x y" {
		t.Errorf("order = %v, want overview first then by title", slugs)
	}
	probs := lib.Problems()
	if len(probs) != 1 || !strings.HasSuffix(probs[0].File, "broken.md") || probs[0].Line != 2 {
		t.Errorf("problems = %s, want one for broken.md line 2", problemsText(probs))
	}
	if ov, _ := lib.Guide(OverviewSlug); ov.Origin != "embedded" {
		t.Errorf("overview origin = %q, want embedded", ov.Origin)
	}
}

func TestOversizedFileIsReported(t *testing.T) {
	big := guideFile("Big", strings.Repeat("word ", 100))
	lib := Load([]Dir{{FS: fstest.MapFS{"big.md": {Data: []byte(big)}}, Name: "d"}}, Options{MaxFileSize: 100})
	got := problemsText(lib.Problems())
	if !strings.Contains(got, "d/big.md: file is") || !strings.Contains(got, "over the 100-byte limit") {
		t.Errorf("problems = %q", got)
	}
}

func TestSuggest(t *testing.T) {
	lib := LoadEmbedded()
	_, err := lib.Lookup("lmai-work-permit")
	if err == nil || !strings.HasPrefix(err.Error(), `no guide "lmai-work-permit"; did you mean: lmia-work-permit-canada`) {
		t.Errorf("Lookup error = %v", err)
	}
	if s := lib.Suggest("pgwp", 3); len(s) == 0 || s[0] != "post-graduation-work-permit" {
		t.Errorf("Suggest(pgwp) = %v", s)
	}
	if s := lib.Suggest("spousal-open-permit", 3); len(s) == 0 || s[0] != "spousal-open-work-permit" {
		t.Errorf("Suggest(spousal-open-permit) = %v", s)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text\n\tindented", "plain text\n\tindented"},
		{"clear\x1b[2Jscreen", "clear^[[2Jscreen"},
		{"title\x1b]0;pwned\x07", "title^[]0;pwned^G"},
		{"crlf\r\nline", "crlf\nline"},
		{"over\rstrike", "over^Mstrike"},
		{"back\bspace", "back^Hspace"},
		{"c1\u009b31m", "c1<U+009B>31m"},
		{"bidi \u202eevil\u202c", "bidi <U+202E>evil<U+202C>"},
		{"isolate \u2066x\u2069", "isolate <U+2066>x<U+2069>"},
		{"del\x7f", "del^?"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"markers \u2060\u2061\u2062gone", "markers gone"},
		{"café ✓ 日本", "café ✓ 日本"},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := SanitizeLine("a\nb\tc"); got != "a b c" {
		t.Errorf("SanitizeLine = %q", got)
	}
}

// TestBrokenLinksSuggestFew: every broken link is reported, but only the
// first few problems of a library carry "did you mean" suggestions, each of
// which costs a pass over every slug.
func TestBrokenLinksSuggestFew(t *testing.T) {
	lib := Load([]Dir{{FS: withBrokenLinks(guidestest.SyntheticCorpus(200, 1)), Name: "synthetic"}}, Options{})
	var probs []Problem
	for _, p := range lib.Problems() {
		if strings.Contains(p.Msg, "link") {
			probs = append(probs, p)
		}
	}
	if len(probs) != 200 {
		t.Fatalf("%d problems, want one per guide (200)", len(probs))
	}
	suggested := 0
	for _, p := range probs {
		if !strings.Contains(p.Msg, `no guide "synthetic-guide-`) {
			t.Errorf("unexpected problem %s", p)
		}
		if strings.Contains(p.Msg, "did you mean") {
			suggested++
		}
	}
	if suggested != maxProblemSuggestions {
		t.Errorf("%d problems suggest slugs, want %d", suggested, maxProblemSuggestions)
	}
	if _, err := lib.Lookup("synthetic-guide-0001x"); err == nil || !strings.Contains(err.Error(), "did you mean") {
		t.Errorf("a slug typed by a user still gets suggestions: %v", err)
	}
}

// TestLookupByName: a typed slug or title in any case, or the acronym a
// title ends with, finds the one guide it names; a name two guides share
// finds neither. Links stay exact.
func TestLookupByName(t *testing.T) {
	fsys := fstest.MapFS{
		"post-graduation-work-permit.md": {Data: []byte(guideFile("Post-graduation work permit (PGWP)", "Text.\n"))},
		"open-work-permit.md":            {Data: []byte(guideFile("Open work permit (OWP)", "Text.\n"))},
		"spousal-owp.md":                 {Data: []byte(guideFile("Spousal open work permit (OWP)", "Text.\n"))},
		"glossary.md":                    {Data: []byte(guideFile("Glossary", "Text.\n"))},
	}
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{})
	for name, want := range map[string]string{
		"pgwp": "post-graduation-work-permit", "PGWP": "post-graduation-work-permit",
		"Glossary": "glossary", "GLOSSARY": "glossary", "open work permit (owp)": "open-work-permit",
		"Spousal-OWP": "spousal-owp",
	} {
		if g, err := lib.LookupName(name); err != nil || g.Slug != want {
			t.Errorf("LookupName(%q) = %v, %v; want %s", name, g, err, want)
		}
	}
	for _, name := range []string{"owp", "OWP", "work permit", ""} {
		if g, err := lib.LookupName(name); err == nil {
			t.Errorf("LookupName(%q) found %s; want no guide: the name is not one guide's", name, g.Slug)
		}
	}
	// A link in a guide is held to the exact slug: check and the reader
	// agree that "/pgwp" points nowhere.
	if _, err := lib.Resolve(nil, "/pgwp"); err == nil {
		t.Error(`a link to "/pgwp" resolves; links must name a slug exactly`)
	}
}
