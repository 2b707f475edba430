package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"pathways/tui/state"
)

// storeAt opens a store in a temporary folder.
func storeAt(t *testing.T, path string) *state.Store {
	t.Helper()
	st, warn, err := state.Open(path, state.Options{})
	if err != nil || warn != "" {
		t.Fatalf("open store: %v %q", err, warn)
	}
	return st
}

// TestResumeWhereLeft reads a guide to the middle, leaves, and opens it
// again from the list: it comes back at the same place and says so.
func TestResumeWhereLeft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	st := storeAt(t, path)
	d := newDriver(t, embedded, Options{Store: st}, 90, 24)
	d.m.browse.selectSlug("express-entry-strategy")
	d.keys("enter")
	if d.slug() != "express-entry-strategy" || d.m.reader.offset != 0 {
		t.Fatalf("first open: %q at %d", d.slug(), d.m.reader.offset)
	}
	d.keys("space", "space", "j")
	left := d.m.reader.offset
	d.keys("esc")
	if pos, ok := st.Position("express-entry-strategy"); !ok || pos.Line != left {
		t.Fatalf("position saved = %+v, want line %d", pos, left)
	}

	// Open another guide, then come back from the list.
	d.m.browse.selectSlug("glossary")
	d.keys("enter", "esc")
	d.m.browse.selectSlug("express-entry-strategy")
	d.keys("enter")
	if d.m.reader.offset != left {
		t.Errorf("reopened at line %d, want %d", d.m.reader.offset, left)
	}
	if !strings.HasPrefix(d.m.reader.status, "resumed at ") {
		t.Errorf("status %q does not say it resumed", d.m.reader.status)
	}
	d.keys("g")
	if d.m.reader.offset != 0 {
		t.Errorf("g went to line %d, want the top", d.m.reader.offset)
	}

	// The recent guides head the list, newest first.
	rows := d.m.browse.rows()
	if rows[0].label != "Recent" || rows[1].g.Slug != "express-entry-strategy" || rows[2].g.Slug != "glossary" {
		t.Errorf("list starts %v %v %v, want the Recent group", rows[0], rows[1].g.Slug, rows[2].g.Slug)
	}
	// The rest follow under a label that says they are the others, not all.
	if rows[3].label != "Other guides" || !strings.Contains(ansi.Strip(d.m.browse.View()), "Other guides") {
		t.Errorf("the second group is %q, want \"Other guides\"", rows[3].label)
	}

	// Quitting keeps the place; a new session offers to continue.
	d.keys("space", "q")
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	d2 := newDriver(t, embedded, Options{Store: storeAt(t, path)}, 90, 24)
	if g, ok := d2.m.browse.offer(); !ok || g.Slug != "express-entry-strategy" {
		t.Fatalf("no offer to continue the last guide")
	}
	if !strings.Contains(ansi.Strip(d2.m.View().Content), "c continues Express Entry strategy") {
		t.Errorf("the list does not offer to continue:\n%s", ansi.Strip(d2.m.View().Content))
	}
	d2.keys("c")
	want := min(d.m.reader.bodyHeight()+0, d2.m.reader.maxOffset())
	if d2.slug() != "express-entry-strategy" || d2.m.reader.offset != want {
		t.Errorf("continue opened %q at %d, want line %d", d2.slug(), d2.m.reader.offset, want)
	}

	// For as long as the browser runs, c continues the guide read last:
	// another guide read this session takes over the offer.
	d2.keys("esc")
	d2.m.browse.selectSlug("glossary")
	d2.keys("enter", "space", "esc")
	if v := ansi.Strip(d2.m.View().Content); !strings.Contains(v, "c continues Glossary") {
		t.Errorf("back on the list after reading the glossary, no offer to continue it:\n%s", v)
	}
	d2.keys("c")
	if d2.slug() != "glossary" || d2.m.reader.offset == 0 {
		t.Errorf("c opened %q at line %d, want the glossary where it was left", d2.slug(), d2.m.reader.offset)
	}
}

// TestResumeRescalesToWidth resumes at the same fraction when the guide is
// rendered at another width.
func TestResumeRescalesToWidth(t *testing.T) {
	st := storeAt(t, filepath.Join(t.TempDir(), "state.json"))
	st.SetPosition("glossary", state.Position{Line: 50, Lines: 100})
	d := newDriver(t, embedded, Options{Store: st, Slug: "glossary"}, 70, 20)
	lines := len(d.m.reader.doc.Lines)
	if got, want := d.m.reader.offset, min(lines/2, d.m.reader.maxOffset()); got < want-1 || got > want+1 {
		t.Errorf("resumed at %d of %d lines, want about %d", got, lines, want)
	}
}

// TestBookmarks bookmarks a section, lists it, opens it, and removes it.
// TestBookmarkWithStateOff: with --no-state, m still marks the section for
// this run, and says that it will not be saved.
func TestBookmarkWithStateOff(t *testing.T) {
	st, _, err := state.Open(filepath.Join(t.TempDir(), "state.json"), state.Options{Off: true})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, embedded, Options{Store: st, Slug: "glossary"}, 90, 24)
	d.keys("m")
	if s := d.m.reader.status; !strings.HasPrefix(s, "bookmarked ") || !strings.Contains(s, "this session only") || !strings.Contains(s, "--no-state") {
		t.Errorf("status after m with state off: %q; want it to say the bookmark is not saved", s)
	}
	if len(st.Bookmarks()) != 1 {
		t.Errorf("bookmarks = %v, want the one made this session", st.Bookmarks())
	}
}

func TestBookmarks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	st := storeAt(t, path)
	d := newDriver(t, embedded, Options{Store: st, Slug: "bridging-open-work-permit"}, 90, 24)
	d.keys("t", "j", "j", "enter") // jump to the third section
	anchor := d.m.reader.currentAnchor()
	if anchor == "" {
		t.Fatal("outline jump left no current section")
	}
	d.keys("m")
	if !strings.HasPrefix(d.m.reader.status, "bookmarked ") {
		t.Errorf("status after m: %q", d.m.reader.status)
	}
	bms := st.Bookmarks()
	if len(bms) != 1 || bms[0].Slug != "bridging-open-work-permit" || bms[0].Anchor != anchor {
		t.Fatalf("bookmarks = %+v, want the section %q", bms, anchor)
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}

	// ' lists it; enter opens the guide at that section.
	d.keys("esc", "'")
	if d.m.screen != screenBookmarks {
		t.Fatal("' did not open the bookmarks")
	}
	if !strings.Contains(ansi.Strip(d.m.View().Content), "Bridging open work permit (BOWP) › ") {
		t.Errorf("bookmark not listed:\n%s", ansi.Strip(d.m.View().Content))
	}
	d.keys("enter")
	line, _ := d.m.reader.doc.HeadingLine(anchor)
	if d.slug() != "bridging-open-work-permit" || d.m.reader.offset != min(line, d.m.reader.maxOffset()) {
		t.Errorf("bookmark opened %q at %d, want the heading at %d", d.slug(), d.m.reader.offset, line)
	}

	// m again on the same section removes it; so does x in the list.
	d.keys("m")
	if len(st.Bookmarks()) != 0 {
		t.Errorf("second m kept the bookmark")
	}
	d.keys("m", "'", "x")
	if len(st.Bookmarks()) != 0 {
		t.Errorf("x did not remove the bookmark")
	}
	d.keys("esc")
	if d.m.screen != screenReader {
		t.Errorf("esc from bookmarks went to screen %d, want the reader", d.m.screen)
	}
}

// TestFreshnessMarks shows "may be out of date" for guides reviewed more
// than 12 months before now, in the list and in the reader's header.
func TestFreshnessMarks(t *testing.T) {
	g, _ := embedded.Guide("glossary")
	later := g.Reviewed.AddDate(1, 0, 2)
	d := newDriver(t, embedded, Options{Now: func() time.Time { return later }}, 120, 36)
	mark := "may be out of date, reviewed " + g.ReviewedString()
	if !strings.Contains(ansi.Strip(d.m.View().Content), mark) {
		t.Errorf("list has no freshness mark %q", mark)
	}
	d.m.browse.selectSlug("glossary")
	d.keys("enter")
	if header := strings.SplitN(ansi.Strip(d.m.View().Content), "\n", 2)[0]; !strings.Contains(header, mark) {
		t.Errorf("reader header %q has no freshness mark", header)
	}

	fresh := newDriver(t, embedded, Options{Now: func() time.Time { return g.Reviewed.AddDate(0, 11, 0) }}, 120, 36)
	if strings.Contains(ansi.Strip(fresh.m.View().Content), "may be out of date") {
		t.Error("a guide reviewed 11 months ago is marked out of date")
	}
}
