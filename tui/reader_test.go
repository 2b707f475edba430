package tui

import (
	"testing"
)

// TestTabStartsFromTheScreen: after scrolling, tab and shift+tab choose
// from the links on screen, not from the link chosen before scrolling; the
// chosen link keeps lines of context around it.
func TestTabStartsFromTheScreen(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 80, 24)
	links := d.m.reader.doc.Links
	d.keys("tab")
	if d.m.reader.focus != 0 {
		t.Fatalf("first tab chose link %d, want 0", d.m.reader.focus)
	}
	d.keys("space", "space", "space")
	top := d.m.reader.offset
	want := -1
	for i, l := range links {
		if l.Line >= top {
			want = i
			break
		}
	}
	if want <= 1 {
		t.Fatalf("no link further down the glossary (offset %d)", top)
	}
	d.keys("tab")
	if d.m.reader.focus != want {
		t.Errorf("tab after scrolling chose link %d (line %d), want %d, the first at or below line %d",
			d.m.reader.focus, links[d.m.reader.focus].Line, want, top)
	}
	assertContext(t, d)

	d.keys("space", "space")
	top, bottom := d.m.reader.offset, d.m.reader.offset+d.m.reader.bodyHeight()-1
	want = -1
	for i, l := range links {
		if l.Line <= bottom {
			want = i
		}
	}
	if want < 0 || links[want].Line < top {
		t.Fatalf("no link on the screen at %d..%d", top, bottom)
	}
	d.keys("shift+tab")
	if d.m.reader.focus != want {
		t.Errorf("shift+tab after scrolling chose link %d, want %d, the last on screen", d.m.reader.focus, want)
	}
	assertContext(t, d)
	// From a link on screen, tab goes to the next one.
	d.keys("tab")
	if d.m.reader.focus != want+1 {
		t.Errorf("tab from link %d chose %d", want, d.m.reader.focus)
	}
	assertContext(t, d)
}

// assertContext checks the chosen link has linkContext lines above and
// below it on screen, unless the guide's top or end is in the way.
func assertContext(t *testing.T, d *driver) {
	t.Helper()
	r := d.m.reader
	l := r.doc.Links[r.focus]
	if above := l.Line - r.offset; above < linkContext && r.offset > 0 {
		t.Errorf("link on line %d has %d lines above it on screen, want %d", l.Line, above, linkContext)
	}
	if below := r.offset + r.bodyHeight() - 1 - l.EndLine; below < linkContext && r.offset < r.maxOffset() {
		t.Errorf("link ending on line %d has %d lines below it on screen, want %d", l.EndLine, below, linkContext)
	}
}

// TestEnterFollowsOnlyWhatIsOnScreen: a chosen link scrolled off screen is
// not followed; enter chooses the first link on screen, and a second enter
// follows that one.
func TestEnterFollowsOnlyWhatIsOnScreen(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 80, 24)
	d.keys("tab", "G")
	offset := d.m.reader.offset
	d.keys("enter")
	if d.slug() != "glossary" || d.m.reader.offset != offset {
		t.Fatalf("enter followed a link off screen: now %q at line %d (was at %d)", d.slug(), d.m.reader.offset, offset)
	}
	r := d.m.reader
	if r.focus >= 0 {
		if l := r.doc.Links[r.focus]; l.EndLine < r.offset || l.Line >= r.offset+r.bodyHeight() {
			t.Errorf("enter chose link %d on line %d, off screen at %d", r.focus, l.Line, r.offset)
		}
		if r.status == "" {
			t.Error("enter chose a link without saying where it goes")
		}
	} else if r.status == "" {
		t.Error("enter did nothing and said nothing")
	}
}
