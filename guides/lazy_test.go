package guides

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// analysed counts the guides of a lazy library analysed so far.
func analysed(lib *Library) int {
	n := 0
	for _, g := range lib.Guides() {
		if g.lazy != nil && g.lazy.done.Load() {
			n++
		}
	}
	return n
}

// TestLazyPageSameAsFull: for every embedded guide, a lazy load gives the
// same page (body, links, headings) and the same text output as a full
// load, without the "Linked from" section, which needs every guide's
// text; once the library is completed, the page has that section too.
func TestLazyPageSameAsFull(t *testing.T) {
	full := LoadEmbedded()
	for _, fg := range full.Guides() {
		lib := Load([]Dir{Embedded()}, Options{Lazy: true})
		g, ok := lib.Guide(fg.Slug)
		if !ok {
			t.Fatalf("%s: missing from the lazy load", fg.Slug)
		}
		want, got := full.buildPage(fg, false), lib.Page(g)
		if want.Body != got.Body {
			t.Errorf("%s: page body differs from a full load", fg.Slug)
		}
		if strings.Contains(got.Body, "## Linked from") {
			t.Errorf("%s: the lazy page lists backlinks before the library is linked", fg.Slug)
		}
		if !reflect.DeepEqual(want.links, got.links) || !reflect.DeepEqual(want.headings, got.headings) {
			t.Errorf("%s: page links or headings differ from a full load", fg.Slug)
		}
		wantMD, wantNotes := full.Mark(want, MarkFootnotes)
		gotMD, gotNotes := lib.Mark(got, MarkFootnotes)
		if wantMD != gotMD || !slices.Equal(wantNotes, gotNotes) {
			t.Errorf("%s: text output differs from a full load:\n%v\n%v", fg.Slug, wantNotes, gotNotes)
		}
		if p := lib.Problems(); len(p) != 0 {
			t.Errorf("%s: lazy load found problems a full load does not: %v", fg.Slug, p)
		}
		lib.Complete()
		if lib.Page(g).Body != full.Page(fg).Body {
			t.Errorf("%s: the page of a completed library differs from a full load", fg.Slug)
		}
	}
	// The point of it: showing the glossary reads few guides.
	lib := Load([]Dir{Embedded()}, Options{Lazy: true})
	if n := analysed(lib); n != 0 {
		t.Errorf("lazy load analysed %d guides before anything was asked", n)
	}
	g, _ := lib.Guide("glossary")
	lib.Page(g)
	if n := analysed(lib); n > len(lib.Guides())/2 {
		t.Errorf("the glossary's page analysed %d of %d guides", n, len(lib.Guides()))
	}
	// Completed, it is a full library.
	lib.Complete()
	if n := analysed(lib); n != len(lib.Guides()) {
		t.Errorf("Complete analysed %d of %d guides", n, len(lib.Guides()))
	}
	for _, g := range lib.Guides() {
		want, _ := full.Guide(g.Slug)
		if !reflect.DeepEqual(g.TextBlocks(), want.TextBlocks()) {
			t.Errorf("%s: the text a completed lazy library indexes differs from a full one", g.Slug)
		}
	}
}

// countingFS counts the bytes read from each file.
type countingFS struct {
	fs.FS
	mu   sync.Mutex
	read map[string]int
}

type countingFile struct {
	fs.File
	c    *countingFS
	name string
}

func (c *countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return &countingFile{f, c, name}, nil
}

func (c *countingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

func (f *countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.c.mu.Lock()
	f.c.read[f.name] += n
	f.c.mu.Unlock()
	return n, err
}

// TestLazyReadsFrontMatterOnly: a lazy load reads each file only up to
// the end of its front matter (and the block it arrives in); showing one
// guide then reads that guide and the guides it links to at a heading,
// not the rest. Printing one guide of a large folder costs its front
// matter, not its text.
func TestLazyReadsFrontMatterOnly(t *testing.T) {
	files := fstest.MapFS{
		"alpha.md": {Data: []byte(guideFile("Alpha", "See [b's part](/b#part) and [c](/c).\n"))},
		"b.md":     {Data: []byte(guideFile("B", "## Part\n\n"+strings.Repeat("Text of b. ", 2000)+"\n"))},
		"c.md":     {Data: []byte(guideFile("C", "## Other\n\n"+strings.Repeat("Text of c. ", 2000)+"\n"))},
		"d.md":     {Data: []byte(guideFile("D", "## Other\n\n"+strings.Repeat("Text of d. ", 2000)+"\n"))},
	}
	fsys := &countingFS{FS: files, read: map[string]int{}}
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{Lazy: true})
	if len(lib.Guides()) != 4 || len(lib.Problems()) != 0 {
		t.Fatalf("%d guides, problems %v", len(lib.Guides()), lib.Problems())
	}
	for name, n := range fsys.read {
		if n > 4<<10 {
			t.Errorf("loading read %d bytes of %s (%d in all)", n, name, len(files[name].Data))
		}
	}
	a, _ := lib.Guide("alpha")
	lib.Mark(lib.Page(a), MarkFootnotes)
	lib.LinkProblems(a)
	if fsys.read["c.md"] > 4<<10 || fsys.read["d.md"] > 4<<10 {
		t.Errorf("showing alpha read %d bytes of c and %d of d", fsys.read["c.md"], fsys.read["d.md"])
	}
	if fsys.read["b.md"] < len(files["b.md"].Data) {
		t.Errorf("showing alpha, which links to a heading of b, read only %d bytes of b", fsys.read["b.md"])
	}
	// The text read later is the text a full load reads.
	full := Load([]Dir{{FS: files, Name: "d"}}, Options{})
	for _, g := range full.Guides() {
		lg, _ := lib.Guide(g.Slug)
		if !reflect.DeepEqual(lg.TextBlocks(), g.TextBlocks()) || lg.Words() != g.Words() {
			t.Errorf("%s: text read lazily differs from a full load", g.Slug)
		}
	}
}

// TestLazyTextGoneBad: a file that was a good guide when the library was
// loaded but cannot be read, or is no longer text, when its text is
// needed leaves that guide empty and says why, naming the file; the rest
// of the library is unaffected.
func TestLazyTextGoneBad(t *testing.T) {
	files := fstest.MapFS{
		"a.md": {Data: []byte(guideFile("A", "Text of a.\n"))},
		"b.md": {Data: []byte(guideFile("B", "Text of b.\n"))},
		"c.md": {Data: []byte(guideFile("C", "Text of c.\n"))},
	}
	lib := Load([]Dir{{FS: files, Name: "d"}}, Options{Lazy: true})
	delete(files, "a.md")
	files["b.md"] = &fstest.MapFile{Data: append([]byte(guideFile("B", "Text")), 0, '\n')}
	for _, slug := range []string{"a", "b", "c"} {
		g, ok := lib.Guide(slug)
		if !ok {
			t.Fatalf("%s: not loaded", slug)
		}
		lib.Page(g)
	}
	probs := problemsText(lib.Problems())
	for _, want := range []string{"d/a.md: cannot read", "d/b.md:", "NUL byte"} {
		if !strings.Contains(probs, want) {
			t.Errorf("problems do not say %q:\n%s", want, probs)
		}
	}
	if c, _ := lib.Guide("c"); c.Words() != 3 || strings.Contains(probs, "c.md") {
		t.Errorf("c: %d words, problems\n%s", c.Words(), probs)
	}
}

// TestLazyFindsEveryBacklink: a lazy library's backlinks are those of a
// full load, whatever the link form (escapes and character references
// are kept as written in destinations, so they make no guide link): it
// completes itself to find them.
func TestLazyFindsEveryBacklink(t *testing.T) {
	fsys := fstest.MapFS{
		"target-guide.md": {Data: []byte(guideFile("Target", "## Part\n\nText.\n"))},
		"plain.md":        {Data: []byte(guideFile("Plain", "See [it](/target-guide).\n"))},
		"escaped.md":      {Data: []byte(guideFile("Escaped", "See [it](/target\\-guide).\n"))},
		"entity.md":       {Data: []byte(guideFile("Entity", "See [it](/target&#45;guide#part).\n"))},
		"ref.md":          {Data: []byte(guideFile("Ref", "See [it][r].\n\n[r]: target-guide.md\n"))},
		"unrelated.md":    {Data: []byte(guideFile("Unrelated", "Nothing [here](/plain#nowhere).\n"))},
	}
	full := Load([]Dir{{FS: fsys, Name: "d"}}, Options{})
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{Lazy: true})
	// The unrelated guide's broken anchor is found by a full load, and by a
	// lazy one once completed.
	if !strings.Contains(problemsText(full.Problems()), "nowhere") || strings.Contains(problemsText(lib.Problems()), "nowhere") {
		t.Errorf("problems: full\n%s\nlazy\n%s", problemsText(full.Problems()), problemsText(lib.Problems()))
	}
	var want, got []string
	for _, g := range full.Backlinks("target-guide") {
		want = append(want, g.Slug)
	}
	for _, g := range lib.Backlinks("target-guide") {
		got = append(got, g.Slug)
	}
	if !slices.Equal(want, []string{"plain", "ref"}) || !slices.Equal(want, got) {
		t.Errorf("backlinks: full load %v, lazy %v", want, got)
	}
	if !lib.Linked() {
		t.Error("asking for backlinks did not complete the lazy library")
	}
	if got, want := problemsText(lib.Problems()), problemsText(full.Problems()); got != want {
		t.Errorf("problems of the completed library:\n%s\nof a full load:\n%s", got, want)
	}
}

// TestLazyAnchorTargets: where a guide links to a heading of another
// guide, that guide is analysed when the link is described, so the link is
// described by its heading.
func TestLazyAnchorTargets(t *testing.T) {
	fsys := fstest.MapFS{
		"alpha.md": {Data: []byte(guideFile("Alpha", "See [b's part](/b#part) and [c](/c).\n"))},
		"b.md":     {Data: []byte(guideFile("B", "## Part\n\nText.\n"))},
		"c.md":     {Data: []byte(guideFile("C", "## Other\n\nText.\n"))},
	}
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{Lazy: true})
	a, _ := lib.Guide("alpha")
	_, notes := lib.Mark(lib.Page(a), MarkFootnotes)
	if len(notes) == 0 || !strings.Contains(notes[0], `section "Part"`) {
		t.Errorf("notes %q: the anchored link is not described by its heading", notes)
	}
	if p := lib.Problems(); len(p) != 0 {
		t.Errorf("problems: %v", p)
	}
	if c, _ := lib.Guide("c"); c.lazy.done.Load() {
		t.Error("a guide linked without an anchor was analysed")
	}
}

// TestLazyConcurrentUse uses a lazy library from many goroutines at once,
// as the browser does (renders, the index, the UI): every page comes out
// as from a full load. Run with -race to check the locking.
func TestLazyConcurrentUse(t *testing.T) {
	full := LoadEmbedded()
	for range 5 {
		lib := Load([]Dir{Embedded()}, Options{Lazy: true})
		var wg sync.WaitGroup
		wg.Go(func() {
			for _, g := range lib.Guides() {
				g.TextBlocks()
			}
		})
		wg.Go(lib.Complete)
		for _, g := range lib.Guides() {
			wg.Go(func() {
				want, _ := full.Guide(g.Slug)
				// Before the library is linked, a page has no "Linked
				// from"; after, it has.
				if got := lib.Page(g).Body; got != full.Page(want).Body && got != full.buildPage(want, false).Body {
					t.Errorf("%s: page differs from a full load", g.Slug)
				}
				lib.Backlinks(g.Slug)
				g.Heading("in-short")
				lib.Problems()
			})
		}
		wg.Wait()
	}
}
