package guides

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFocusPageSameAsFull: for every embedded guide, a focused load gives
// the same page (body, links, headings, backlinks) and the same text
// output, with fewer guides parsed in full.
func TestFocusPageSameAsFull(t *testing.T) {
	full := LoadEmbedded()
	for _, fg := range full.Guides() {
		lib := Load([]Dir{Embedded()}, Options{Focus: fg.Slug})
		g, ok := lib.Guide(fg.Slug)
		if !ok {
			t.Fatalf("%s: missing from the focused load", fg.Slug)
		}
		want, got := full.Page(fg), lib.Page(g)
		if want.Body != got.Body {
			t.Errorf("%s: page body differs from a full load", fg.Slug)
		}
		if !reflect.DeepEqual(want.Links, got.Links) || !reflect.DeepEqual(want.Headings, got.Headings) {
			t.Errorf("%s: page links or headings differ from a full load", fg.Slug)
		}
		wantMD, wantNotes := full.Mark(want, MarkFootnotes)
		gotMD, gotNotes := lib.Mark(got, MarkFootnotes)
		if wantMD != gotMD || !slices.Equal(wantNotes, gotNotes) {
			t.Errorf("%s: text output differs from a full load:\n%v\n%v", fg.Slug, wantNotes, gotNotes)
		}
		if p := lib.Problems(); len(p) != 0 {
			t.Errorf("%s: focused load found problems a full load does not: %v", fg.Slug, p)
		}
	}
	// The point of it: the glossary is linked from few guides.
	lib := Load([]Dir{Embedded()}, Options{Focus: "glossary"})
	n := 0
	for _, g := range lib.Guides() {
		if g.analysed {
			n++
		}
	}
	if n > len(lib.Guides())/2 {
		t.Errorf("focused load analysed %d of %d guides", n, len(lib.Guides()))
	}
}

// TestFocusFindsEveryBacklink: the focused load finds the same backlinks
// as a full load, whatever the link form (escapes and character references
// are kept as written in destinations, so they make no guide link), and
// does not analyse a guide that never names the slug.
func TestFocusFindsEveryBacklink(t *testing.T) {
	fsys := fstest.MapFS{
		"target-guide.md": {Data: []byte(guideFile("Target", "## Part\n\nText.\n"))},
		"plain.md":        {Data: []byte(guideFile("Plain", "See [it](/target-guide).\n"))},
		"escaped.md":      {Data: []byte(guideFile("Escaped", "See [it](/target\\-guide).\n"))},
		"entity.md":       {Data: []byte(guideFile("Entity", "See [it](/target&#45;guide#part).\n"))},
		"ref.md":          {Data: []byte(guideFile("Ref", "See [it][r].\n\n[r]: target-guide.md\n"))},
		"unrelated.md":    {Data: []byte(guideFile("Unrelated", "Nothing [here](/plain#nowhere).\n"))},
	}
	full := Load([]Dir{{FS: fsys, Name: "d"}}, Options{})
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{Focus: "target-guide"})
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
	if u, _ := lib.Guide("unrelated"); u.analysed {
		t.Error("a guide that never names the slug was analysed")
	}
	// The unrelated guide's broken anchor is only found by a full load.
	if !strings.Contains(problemsText(full.Problems()), "nowhere") || strings.Contains(problemsText(lib.Problems()), "nowhere") {
		t.Errorf("problems: full\n%s\nfocused\n%s", problemsText(full.Problems()), problemsText(lib.Problems()))
	}
}

// TestFocusAnchorTargets: where the focused guide links to a heading of
// another guide, that guide is analysed, so the link is described by its
// heading and not reported broken.
func TestFocusAnchorTargets(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte(guideFile("A", "See [b's part](/b#part) and [c](/c).\n"))},
		"b.md": {Data: []byte(guideFile("B", "## Part\n\nText.\n"))},
		"c.md": {Data: []byte(guideFile("C", "## Other\n\nText.\n"))},
	}
	lib := Load([]Dir{{FS: fsys, Name: "d"}}, Options{Focus: "a"})
	a, _ := lib.Guide("a")
	_, notes := lib.Mark(lib.Page(a), MarkFootnotes)
	if len(notes) == 0 || !strings.Contains(notes[0], `section "Part"`) {
		t.Errorf("notes %q: the anchored link is not described by its heading", notes)
	}
	if p := lib.Problems(); len(p) != 0 {
		t.Errorf("problems: %v", p)
	}
	if c, _ := lib.Guide("c"); c.analysed {
		t.Error("a guide linked without an anchor was analysed")
	}
}
