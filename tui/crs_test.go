package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"pathways/guides/finder"
)

// TestCRSFromTheList walks r → questions → the score → a factor's section
// of the CRS guide, then back to the score, and esc to the list.
func TestCRSFromTheList(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 40)
	d.keys("r")
	if d.m.screen != screenCRS {
		t.Fatalf("r opened screen %d", d.m.screen)
	}
	d.keys("q") // typed into the age, not quit
	if d.quit {
		t.Fatal("q in the form quit the app")
	}
	d.keys("backspace")
	d.typeText("27")
	for steps := 0; d.m.crs.result == nil; steps++ {
		d.keys("enter") // every other question keeps its first answer
		if steps > 100 {
			t.Fatal("the form did not end after 100 answers")
		}
	}
	v := ansi.Strip(d.m.View().Content)
	for _, want := range []string{"CRS score: 110 of 1,200 (scored single)", "A. Core / human capital", "Age", "as history, not a prediction"} {
		if !strings.Contains(v, want) {
			t.Errorf("the score screen lacks %q:\n%s", want, v)
		}
	}
	// The first selectable line is Age; enter opens the CRS guide there.
	d.keys("enter")
	if d.slug() != "crs-comprehensive-ranking-system" {
		t.Fatalf("enter opened %q", d.slug())
	}
	if h, _ := d.m.reader.doc.HeadingLine("age"); d.m.reader.offset != min(h, d.m.reader.maxOffset()) {
		t.Errorf("opened at line %d, want the Age section at %d", d.m.reader.offset, h)
	}
	d.keys("esc") // to the list
	d.keys("r")
	if d.m.screen != screenCRS || d.m.crs.result == nil {
		t.Fatal("r did not come back to the last score")
	}
	d.keys("e")
	if d.m.crs.result != nil {
		t.Error("e did not reopen the questions")
	}
	d.keys("esc", "esc") // to the score, then out
	if d.m.screen != screenBrowse {
		t.Errorf("esc left for screen %d, want the list", d.m.screen)
	}
}

// TestCRSEscFromEditingReturnsToScore: e then esc is as if e had not been
// pressed, as in the finder: the same score, selection and answers.
func TestCRSEscFromEditingReturnsToScore(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 40)
	d.keys("r")
	d.typeText("27")
	for steps := 0; d.m.crs.result == nil && steps < 100; steps++ {
		d.keys("enter")
	}
	d.keys("j")
	before, sel := ansi.Strip(d.m.View().Content), d.m.crs.sel
	d.keys("e", "backspace", "backspace")
	d.typeText("45") // a changed age, then esc
	d.keys("esc")
	if d.m.screen != screenCRS || d.m.crs.result == nil {
		t.Fatalf("esc from editing went to screen %d (score shown: %v), want the score", d.m.screen, d.m.crs.result != nil)
	}
	if got := ansi.Strip(d.m.View().Content); got != before || d.m.crs.sel != sel {
		t.Errorf("esc from editing did not restore the score (selection %d, want %d):\n%s", d.m.crs.sel, sel, got)
	}
	if d.m.crs.vals.age != "27" {
		t.Errorf("age after esc = %q, want the 27 behind the score", d.m.crs.vals.age)
	}
	d.keys("esc")
	if d.m.screen != screenBrowse {
		t.Errorf("esc on the score went to screen %d, want the list", d.m.screen)
	}
}

// TestCRSFromTheFinderAndReader: the calculator opens from the reader and
// from the finder's results, and esc goes back to each.
func TestCRSFromTheFinderAndReader(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "express-entry-strategy"}, 100, 40)
	d.keys("r")
	if d.m.screen != screenCRS {
		t.Fatalf("r in the reader opened screen %d", d.m.screen)
	}
	d.keys("esc")
	if d.m.screen != screenReader || d.slug() != "express-entry-strategy" {
		t.Fatalf("esc went to screen %d (%s), want the reader", d.m.screen, d.slug())
	}
	d.keys("f")
	for steps := 0; d.m.finder.result == nil && steps < 100; steps++ {
		d.keys("enter")
	}
	d.keys("r")
	if d.m.screen != screenCRS {
		t.Fatalf("r in the finder's results opened screen %d", d.m.screen)
	}
	d.keys("esc")
	if d.m.screen != screenFinder {
		t.Errorf("esc from the calculator went to screen %d, want the finder", d.m.screen)
	}
}

// TestUntestedLanguageReadsTheSame: the finder and the calculator name a
// language level of 0 with the same words.
func TestUntestedLanguageReadsTheSame(t *testing.T) {
	var finderLabel string
	for _, q := range finder.Questions() {
		for _, c := range q.Choices {
			if q.Key == finder.KeyCLB && c.Value == "0" {
				finderLabel = c.Label
			}
		}
	}
	if finderLabel == "" {
		t.Fatal("the finder's language question has no choice for 0")
	}
	if got := levelOptions()[0]; got.Value != "0" || got.Key != finderLabel {
		t.Errorf("the calculator's level 0 reads %q, the finder's %q", got.Key, finderLabel)
	}
}
