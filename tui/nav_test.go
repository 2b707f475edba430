package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
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
