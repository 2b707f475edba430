package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/guides/finder"
)

// TestNoticeWrapsToShowThePath: a notice longer than the terminal is wide
// (a state file moved aside, with its path) wraps over the list's last
// lines, so the whole path can be read, and goes at the next key.
func TestNoticeWrapsToShowThePath(t *testing.T) {
	path := "/home/someone/.local/state/pathways/state.json.corrupt-20261201T120000"
	notice := "state file /home/someone/.local/state/pathways/state.json was unreadable; moved aside to " + path
	d := newDriver(t, embedded, Options{Notice: notice}, 60, 20)
	v := ansi.Strip(d.m.View().Content)
	lines := strings.Split(v, "\n")
	if len(lines) != 20 {
		t.Fatalf("the view has %d lines, want 20", len(lines))
	}
	tail := strings.Join(strings.Fields(strings.Join(lines[len(lines)-4:], "")), "")
	if !strings.Contains(tail, strings.ReplaceAll(notice, " ", "")) {
		t.Errorf("the notice is not readable whole at the bottom:\n%s", v)
	}
	d.keys("j")
	if strings.Contains(ansi.Strip(d.m.View().Content), "moved aside") {
		t.Error("the notice outstayed the next key")
	}
}

// TestNoticeShowsOverAGuide: opened straight into a guide (pathways SLUG),
// the browser still shows the start-up notice until the first key.
func TestNoticeShowsOverAGuide(t *testing.T) {
	notice := "mine/bad.md:4: reviewed \"nope\" is not a date"
	d := newDriver(t, embedded, Options{Notice: notice, Slug: "glossary"}, 100, 30)
	if d.m.screen != screenReader {
		t.Fatalf("screen %d, want the reader", d.m.screen)
	}
	if v := ansi.Strip(d.m.View().Content); !strings.Contains(v, notice) {
		t.Errorf("the notice is not on the guide's screen:\n%s", v)
	}
	d.keys("j")
	if strings.Contains(ansi.Strip(d.m.View().Content), "bad.md") {
		t.Error("the notice outstayed the next key")
	}
}

// TestBackReturnsToSearchResults: back from a guide opened from search
// results returns to them, query and selection as they were; a guide
// followed from it comes back first.
func TestBackReturnsToSearchResults(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.typeText("work permit")
	if len(d.m.search.results) < 3 {
		t.Fatalf("only %d results", len(d.m.search.results))
	}
	d.keys("ctrl+n", "ctrl+n", "enter")
	opened := d.slug()
	if opened == "" {
		t.Fatal("enter opened no guide")
	}
	followLink(t, d)
	d.keys("backspace")
	if d.slug() != opened {
		t.Fatalf("back from the followed link went to %q, want %q", d.slug(), opened)
	}
	d.keys("backspace")
	if d.m.screen != screenSearch {
		t.Fatalf("back from the result went to screen %d, want the search results", d.m.screen)
	}
	if d.m.search.input.Value() != "work permit" || d.m.search.sel != 2 {
		t.Errorf("search came back with %q, selection %d; want the query and selection 2", d.m.search.input.Value(), d.m.search.sel)
	}
	d.keys("esc")
	if d.m.screen != screenBrowse {
		t.Errorf("esc from the results went to screen %d, want the list", d.m.screen)
	}
}

// TestBackReturnsToSearchOverAGuide: search from a guide, open a result,
// back: the results; esc: the guide search was opened from; forward: the
// result again.
func TestBackReturnsToSearchOverAGuide(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 30)
	d.keys("s")
	d.typeText("spousal")
	d.keys("enter")
	if d.slug() != "spousal-open-work-permit" {
		t.Fatalf("opened %q", d.slug())
	}
	d.keys("alt+left")
	if d.m.screen != screenSearch || d.m.search.input.Value() != "spousal" {
		t.Fatalf("back went to screen %d (query %q), want the search results", d.m.screen, d.m.search.input.Value())
	}
	d.keys("esc")
	if d.slug() != "glossary" {
		t.Fatalf("esc from the results showed %q, want the glossary", d.slug())
	}
	d.keys("alt+right")
	if d.slug() != "spousal-open-work-permit" {
		t.Errorf("forward went to %q, want the result opened before", d.slug())
	}
}

// TestBackReturnsToFinderResults: back from a guide opened from the
// finder's results returns to them.
func TestBackReturnsToFinderResults(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("f")
	for steps := 0; d.m.finder.result == nil && steps < 100; steps++ {
		d.keys("enter")
	}
	result := d.m.finder.result
	d.keys("enter")
	if d.slug() == "" {
		t.Fatal("enter opened no guide")
	}
	d.keys("backspace")
	if d.m.screen != screenFinder || d.m.finder.result != result {
		t.Fatalf("back went to screen %d, want the finder's results", d.m.screen)
	}
	d.keys("esc")
	if d.m.screen != screenBrowse {
		t.Errorf("esc from the finder went to screen %d, want the list", d.m.screen)
	}
}

// TestBackReturnsToBookmarks: back from a bookmark returns to the list of
// bookmarks.
func TestBackReturnsToBookmarks(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 30)
	d.keys("m", "esc", "'")
	if d.m.screen != screenBookmarks {
		t.Fatal("' did not open the bookmarks")
	}
	d.keys("enter")
	if d.slug() != "glossary" {
		t.Fatalf("the bookmark opened %q", d.slug())
	}
	d.keys("backspace")
	if d.m.screen != screenBookmarks {
		t.Errorf("back went to screen %d, want the bookmarks", d.m.screen)
	}
}

// followLink follows the first link on screen to another guide.
func followLink(t *testing.T, d *driver) {
	t.Helper()
	from := d.slug()
	for range 300 {
		d.keys("tab")
		if l, ok := d.m.reader.focusedLink(); ok && l.Kind == guides.LinkGuide && l.Slug != from {
			d.keys("enter")
			return
		}
	}
	t.Fatalf("no link to another guide in %s", from)
}

// TestListShowsWholeTitles: at 100 columns, beside the preview, every
// guide's title reads whole in the list, over two lines when it must.
func TestListShowsWholeTitles(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	for range embedded.Guides() {
		g, _ := d.m.browse.Selected()
		var sel []string
		for _, l := range strings.Split(ansi.Strip(d.m.View().Content), "\n") {
			l, _, _ = strings.Cut(l, "│")
			if rest, ok := strings.CutPrefix(l, " ▌ "); ok {
				sel = append(sel, rest)
			}
		}
		if len(sel) < 2 {
			t.Fatalf("%s: the selected row has %d lines", g.Slug, len(sel))
		}
		title := strings.TrimSuffix(strings.TrimSpace(sel[0]), g.ReviewedString())
		for _, l := range sel[1 : len(sel)-1] {
			title += " " + l
		}
		if got := strings.Join(strings.Fields(title), " "); got != g.Title {
			t.Errorf("the list shows %q, want the whole title %q", got, g.Title)
		}
		d.keys("j")
	}
}

// lineOf is the screen line that holds text, or fails the test.
func lineOf(t *testing.T, d *driver, text string) int {
	t.Helper()
	for i, l := range strings.Split(ansi.Strip(d.m.View().Content), "\n") {
		if strings.Contains(l, text) {
			return i
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, ansi.Strip(d.m.View().Content))
	return -1
}

func click(d *driver, x, y int) { d.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}) }

func wheel(d *driver, x, y int, down bool) {
	b := tea.MouseWheelUp
	if down {
		b = tea.MouseWheelDown
	}
	d.send(tea.MouseWheelMsg{X: x, Y: y, Button: b})
}

// TestWheelScrollsThePaneUnderIt: in the list with a preview, the wheel
// over the preview scrolls the preview and over the list moves the list;
// in the reader with the outline open, it moves through the outline.
func TestWheelScrollsThePaneUnderIt(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 120, 36)
	sel := d.m.browse.sel
	first := d.m.View().Content
	wheel(d, 100, 10, true)
	if d.m.browse.sel != sel {
		t.Errorf("the wheel over the preview moved the list to %d", d.m.browse.sel)
	}
	if d.m.browse.previewTop != 3 || d.m.View().Content == first {
		t.Errorf("the wheel over the preview did not scroll it (top %d)", d.m.browse.previewTop)
	}
	wheel(d, 100, 10, false)
	if d.m.View().Content != first {
		t.Error("the wheel up did not scroll the preview back")
	}
	wheel(d, 10, 10, true)
	if d.m.browse.sel == sel {
		t.Error("the wheel over the list did not move it")
	}

	d = newDriver(t, embedded, Options{Slug: "bridging-open-work-permit"}, 80, 24)
	d.keys("t")
	at, offset := d.m.reader.outlineSel, d.m.reader.offset
	wheel(d, 10, 10, true)
	if d.m.reader.outlineSel != at+1 || d.m.reader.offset != offset {
		t.Errorf("the wheel over the outline: selection %d, offset %d; want %d, %d", d.m.reader.outlineSel, d.m.reader.offset, at+1, offset)
	}
}

// TestClickPicksSearchResult: a click selects a result, a second opens it.
func TestClickPicksSearchResult(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.typeText("work permit")
	want := d.m.search.results[2]
	click(d, 10, 2+2*itemHeight)
	if d.m.search.sel != 2 {
		t.Fatalf("the click selected %d, want 2", d.m.search.sel)
	}
	click(d, 10, 2+2*itemHeight+1)
	if d.slug() != want.Guide.Slug {
		t.Errorf("the second click opened %q, want %q", d.slug(), want.Guide.Slug)
	}
}

// TestClickPicksBookmark: a click selects a bookmark, a second opens it.
func TestClickPicksBookmark(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 30)
	d.keys("m", "esc", "j", "enter", "m", "esc", "'")
	if n := len(d.m.bookmarks.shown()); n != 2 {
		t.Fatalf("%d bookmarks, want 2", n)
	}
	second := d.m.bookmarks.shown()[1]
	y := 2 + 2 // below the two-line header, each bookmark two lines
	click(d, 10, y)
	if d.m.bookmarks.sel != 1 {
		t.Fatalf("the click selected %d, want 1", d.m.bookmarks.sel)
	}
	click(d, 10, y)
	if d.slug() != second.Slug {
		t.Errorf("the second click opened %q, want %q", d.slug(), second.Slug)
	}
}

// TestClickPicksFinderOption: in the finder's questions a click moves to
// a choice and a second picks it; in the results a click selects one and
// a second opens it.
func TestClickPicksFinderOption(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 40)
	d.keys("f")
	y := lineOf(t, d, "Outside Canada")
	click(d, 10, y)
	field := d.m.finder.form.GetFocusedField().(*huh.Select[string])
	if v, _ := field.Hovered(); v != "outside-canada" || field.GetKey() != string(finder.KeyLocation) {
		t.Fatalf("the click moved to %q on %s, want outside-canada", v, field.GetKey())
	}
	click(d, 10, y)
	if a, _ := d.m.finder.Answers(); a.Location != "outside-canada" || d.m.finder.form.GetFocusedField().GetKey() == string(finder.KeyLocation) {
		t.Fatalf("the second click did not answer outside-canada and move on (location %q)", a.Location)
	}

	// The results, from a graduate's answers.
	fd := newFinderDriver(t, 100, 40)
	fd.walk(graduateSteps)
	entries := fd.f.entries()
	if len(entries) < 2 {
		t.Fatalf("only %d results", len(entries))
	}
	_, spans := fd.f.resultLines()
	y = 3 + spans[1].from - fd.f.offset // below the finder's header
	fd.send(tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
	if fd.f.sel != 1 {
		t.Fatalf("the click selected %d, want 1", fd.f.sel)
	}
	fd.send(tea.MouseClickMsg{X: 10, Y: y + 1, Button: tea.MouseLeft})
	if len(fd.out) != 1 || fd.out[0].(openGuideMsg).slug != entries[1].Guide.Slug {
		t.Errorf("the second click sent %#v, want %s opened", fd.out, entries[1].Guide.Slug)
	}
}
