package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestFinderFromTheList walks f → questions → results → a guide section,
// then back to the finder and esc to the list.
func TestFinderFromTheList(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.m.finder.now = func() time.Time { return finderDay }
	d.keys("f")
	if d.m.screen != screenFinder {
		t.Fatalf("f opened screen %d", d.m.screen)
	}
	d.keys("q") // an answer key, not quit
	if d.quit {
		t.Fatal("q in the form quit the app")
	}
	// Skip every question but the partner's, who works in a TEER 0 or 1 job.
	for steps := 0; d.m.finder.result == nil; steps++ {
		key := d.m.finder.form.GetFocusedField().GetKey()
		switch key {
		case "partner":
			for range 6 {
				d.keys("down") // from "not sure" past five answers to worker-teer-0-1
			}
		}
		d.keys("enter")
		if steps > 100 {
			t.Fatal("the form did not end after 100 answers")
		}
	}
	v := ansi.Strip(d.m.View().Content)
	if !strings.Contains(v, "Spouses of foreign workers") {
		t.Fatalf("result:\n%s", v)
	}
	d.keys("enter")
	if d.slug() != "spousal-open-work-permit" {
		t.Fatalf("enter opened %q", d.slug())
	}
	line, _ := d.m.reader.doc.HeadingLine("spouses-of-foreign-workers")
	if d.m.reader.offset != min(line, d.m.reader.maxOffset()) {
		t.Errorf("opened at %d, want the heading at %d", d.m.reader.offset, line)
	}
	d.keys("f")
	if d.m.screen != screenFinder || d.m.finder.result == nil {
		t.Fatal("f from the reader did not show the last result")
	}
	d.keys("esc")
	if d.m.screen != screenReader {
		t.Fatalf("esc went to %d, want back to the reader", d.m.screen)
	}
	d.keys("backspace")
	d.keys("f", "esc")
	if d.m.screen != screenBrowse {
		t.Errorf("esc went to %d, want the list", d.m.screen)
	}
}

// TestBookmarksOverTheFinderKeepTheWayBack: bookmarks opened over the
// finder's results, and over the calculator opened from them, return
// there with esc, and esc from each then goes on back to the guide the
// finder was opened from, and to the list. Each screen keeps its own way
// back.
func TestBookmarksOverTheFinderKeepTheWayBack(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 30)
	d.m.finder.now = func() time.Time { return finderDay }
	d.keys("f")
	for steps := 0; d.m.finder.result == nil; steps++ {
		d.keys("enter")
		if steps > 100 {
			t.Fatal("the form did not end after 100 answers")
		}
	}
	want := func(step string, s screen) {
		t.Helper()
		if d.m.screen != s {
			t.Fatalf("%s: screen %d, want %d", step, d.m.screen, s)
		}
	}
	d.keys("'")
	want("' from the finder", screenBookmarks)
	d.keys("esc")
	want("esc from bookmarks", screenFinder)
	d.keys("r")
	want("r from the finder's results", screenCRS)
	d.typeText("27")
	for steps := 0; d.m.crs.result == nil; steps++ {
		d.keys("enter")
		if steps > 100 {
			t.Fatal("the calculator's form did not end after 100 answers")
		}
	}
	d.keys("'")
	want("' from the calculator", screenBookmarks)
	d.keys("esc")
	want("esc from bookmarks", screenCRS)
	d.keys("esc")
	want("esc from the calculator", screenFinder)
	d.keys("esc")
	want("esc from the finder", screenReader)
	if d.slug() != "glossary" {
		t.Errorf("back in %q, want the glossary", d.slug())
	}
}
