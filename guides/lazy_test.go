package guides

import (
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
// same page (body, links, headings, backlinks) and the same text output,
// with fewer guides parsed in full.
func TestLazyPageSameAsFull(t *testing.T) {
	full := LoadEmbedded()
	for _, fg := range full.Guides() {
		lib := Load([]Dir{Embedded()}, Options{Lazy: true})
		g, ok := lib.Guide(fg.Slug)
		if !ok {
			t.Fatalf("%s: missing from the lazy load", fg.Slug)
		}
		want, got := full.Page(fg), lib.Page(g)
		if want.Body != got.Body {
			t.Errorf("%s: page body differs from a full load", fg.Slug)
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
	}
	// The point of it: the glossary is linked from few guides.
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

// TestLazyFindsEveryBacklink: the lazy load finds the same backlinks
// as a full load, whatever the link form (escapes and character references
// are kept as written in destinations, so they make no guide link), and
// does not analyse a guide that never names the slug.
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
	var want, got []string
	for _, g := range full.Backlinks("target-guide") {
		want = append(want, g.Slug)
	}
	for _, g := range lib.Backlinks("target-guide") {
		got = append(got, g.Slug)
	}
	if !slices.Equal(want, []string{"plain", "ref"}) || !slices.Equal(want, got) {
		t.Errorf("backlinks: full load %v, focused %v", want, got)
	}
	if u, _ := lib.Guide("unrelated"); u.lazy.done.Load() {
		t.Error("a guide that never names the slug was analysed")
	}
	// The unrelated guide's broken anchor is found by a full load, and by a
	// lazy one once completed.
	if !strings.Contains(problemsText(full.Problems()), "nowhere") || strings.Contains(problemsText(lib.Problems()), "nowhere") {
		t.Errorf("problems: full\n%s\nlazy\n%s", problemsText(full.Problems()), problemsText(lib.Problems()))
	}
	lib.Complete()
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
				if lib.Page(g).Body != full.Page(want).Body {
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
