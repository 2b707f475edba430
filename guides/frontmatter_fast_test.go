package guides

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// sameAsParser fails t unless the YAML parser reads head without a problem
// and to the same fields and key lines as the fast path did.
func sameAsParser(t *testing.T, head string, fast frontMatter, fastLines map[string]int) {
	t.Helper()
	slow, slowLines, probs := decodeYAML([]byte(head), 1)
	if len(probs) > 0 {
		t.Fatalf("fast path accepted a header the parser rejects (%v):\n%s", probs, head)
	}
	norm := func(fm frontMatter) frontMatter {
		if len(fm.Tags) == 0 {
			fm.Tags = nil
		}
		if len(fm.Related) == 0 {
			fm.Related = nil
		}
		return fm
	}
	if !reflect.DeepEqual(norm(fast), norm(*slow)) {
		t.Fatalf("fast path read\n%#v\nthe parser read\n%#v\nfrom:\n%s", fast, *slow, head)
	}
	if !reflect.DeepEqual(fastLines, slowLines) {
		t.Fatalf("key lines: fast %v, parser %v, from:\n%s", fastLines, slowLines, head)
	}
}

func TestFastFrontMatter(t *testing.T) {
	accepted := []string{
		"title: T\nsummary: S\nreviewed: 2026-01-02\n",
		"title: \"IRCC: who can apply\"\nsummary: 'single: quoted'\n",
		"title: Plain with 'quotes' and \"more\", commas, C#\nslug: a-b\n",
		"tags: [a, b c, d-e]\nrelated: []\n",
		"\ntitle: T\n\nsources:\n  - title: A\n    url: https://a.example/x?y=1#z\n  - url: https://b.example\n    title: \"B: b\"\nreviewed: 2026-01-02\n",
		"sources:\n- title: A\n  url: https://a.example\n",
		"title: Permis de travail ouvert — époux ou conjoint\n",
		"title: 1.5\nsummary: true\nreviewed: 2026-01-02 10:00:00\n",
	}
	rejected := []string{
		"",                                       // empty
		"title: T",                               // no final newline
		"title: T # comment\n",                   // comment
		"# comment\ntitle: T\n",                  // comment line
		"title: \"esc\\t\"\n",                    // escape
		"title: T\ntitle: U\n",                   // repeated key
		"titel: T\n",                             // unknown key
		"title:\n",                               // null
		"title: null\n",                          // null
		"title: ~\n",                             // null
		"title: &a T\nsummary: *a\n",             // anchor
		"title: !!str T\n",                       // tag
		"title: |\n  block\n",                    // block scalar
		"title: T\n  continued\n",                // folded plain scalar
		"title: a: b\n",                          // mapping in a value
		"title: T \n",                            // trailing space
		"title:\tT\n",                            // tab
		"title: a\u2028b\n",                      // a line break to YAML 1.1
		"tags:\n  - a\n",                         // block list
		"tags: [a, 'b']\n",                       // quoted item
		"tags: [a,b]\n",                          // unusual spacing
		"tags: [a, , b]\n",                       // empty item
		"sources:\n  - title: A\n",               // source without url
		"sources:\n  - title: A\n    title: B\n", // repeated field
		"sources:\n  - title: A\n    url: u\n   - title: B\n    url: v\n", // misaligned
		"summary: 'It''s'\n", // escaped quote
		"sources: []\n",      // flow list
		"sources:\n  - title: A\n    url: u\n    note: n\n", // unknown field
	}
	for _, head := range accepted {
		fm, lines, ok := fastFrontMatter([]byte(head), 1)
		if !ok {
			t.Errorf("fast path refused:\n%s", head)
			continue
		}
		sameAsParser(t, head, fm, lines)
	}
	for _, head := range rejected {
		if fm, _, ok := fastFrontMatter([]byte(head), 1); ok {
			t.Errorf("fast path accepted %q as %#v; the YAML parser should read it", head, fm)
		}
	}
}

// TestEmbeddedHeadersFast keeps the built-in guides on the fast path, so
// loading them stays as quick as the benchmark says.
func TestEmbeddedHeadersFast(t *testing.T) {
	d := Embedded()
	files, err := fs.Glob(d.FS, "*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no embedded guides: %v", err)
	}
	for _, f := range files {
		if f == "README.md" {
			continue
		}
		data, _ := fs.ReadFile(d.FS, f)
		head, _, _, ok := splitFrontMatter(data)
		if !ok {
			t.Fatalf("%s: no front matter", f)
		}
		fm, lines, ok := fastFrontMatter(head, 1)
		if !ok {
			t.Errorf("%s: header is not in the fast form", f)
			continue
		}
		sameAsParser(t, string(head), fm, lines)
	}
}

// FuzzFastFrontMatter checks the fast path against the YAML parser: any
// header it accepts must read the same both ways.
func FuzzFastFrontMatter(f *testing.F) {
	d := Embedded()
	files, _ := fs.Glob(d.FS, "*.md")
	for _, name := range files {
		data, _ := fs.ReadFile(d.FS, name)
		if head, _, _, ok := splitFrontMatter(data); ok {
			f.Add(string(head))
		}
	}
	for _, s := range []string{
		"title: a: b\n", "title: 'x'\n", "tags: [a, b]\n", "sources:\n- title: t\n  url: u\n",
		"title: 0x1F\n", "title: .inf\n", "summary: yes\n", "title: a #b\n", "title: \"a\\nb\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, head string) {
		if strings.ContainsRune(head, '\r') {
			return // normalised before either reader sees it
		}
		fm, lines, ok := fastFrontMatter([]byte(head), 1)
		if !ok {
			return
		}
		sameAsParser(t, head, fm, lines)
	})
}

// TestFastFrontMatterGenerated compares the fast path with the parser on
// headers built from YAML's awkward characters, which random mutation
// rarely reaches: the fuzzer mostly makes headers the fast path refuses.
func TestFastFrontMatterGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	const alphabet = "ab Z09.-:#'\"[]{},&*!|>%@`\\?~=<é—/ \u00a0\u200b😀\u0085\u2028"
	word := func(max int) string {
		runes := []rune(alphabet)
		var b strings.Builder
		for range 1 + rng.IntN(max) {
			b.WriteRune(runes[rng.IntN(len(runes))])
		}
		return b.String()
	}
	value := func() string {
		switch rng.IntN(4) {
		case 0:
			return "\"" + word(8) + "\""
		case 1:
			return "'" + word(8) + "'"
		default:
			return word(10)
		}
	}
	accepted := 0
	const n = 20000
	for range n {
		var b strings.Builder
		for _, key := range rng.Perm(7)[:1+rng.IntN(4)] {
			name := []string{"title", "summary", "slug", "reviewed", "tags", "related", "sources"}[key]
			switch name {
			case "tags", "related":
				var items []string
				for range rng.IntN(4) {
					items = append(items, word(5))
				}
				fmt.Fprintf(&b, "%s: [%s]\n", name, strings.Join(items, ", "))
			case "sources":
				b.WriteString("sources:\n")
				for range 1 + rng.IntN(2) {
					fmt.Fprintf(&b, "  - title: %s\n    url: %s\n", value(), value())
				}
			default:
				fmt.Fprintf(&b, "%s: %s\n", name, value())
			}
		}
		head := b.String()
		fm, lines, ok := fastFrontMatter([]byte(head), 1)
		if !ok {
			continue
		}
		accepted++
		sameAsParser(t, head, fm, lines)
	}
	// The generator is only useful if it reaches the fast path often.
	if accepted < n/20 {
		t.Fatalf("only %d of %d generated headers took the fast path", accepted, n)
	}
	t.Logf("%d of %d generated headers took the fast path and read the same", accepted, n)
}

// TestValidSlugMatchesPattern checks the hand-written slug check against
// the pattern it implements, on every string of up to five characters
// from an alphabet that covers each case.
func TestValidSlugMatchesPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	const alphabet = "az09-A_é"
	var walk func(s string)
	walk = func(s string) {
		if got, want := ValidSlug(s), pattern.MatchString(s); got != want {
			t.Errorf("ValidSlug(%q) = %v, the pattern says %v", s, got, want)
		}
		if len(s) < 5 {
			for _, r := range alphabet {
				walk(s + string(r))
			}
		}
	}
	walk("")
}
