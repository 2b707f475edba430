package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/guides/guidestest"
)

// TestSearchWhileIndexing: in a large library, a search typed while the
// index is being built answers at once from titles and summaries, says how
// much of the library it has searched in full, and fills in as the text of
// each part comes in; once all of it is in, the notice goes, and pages
// list the guides that link to them.
func TestSearchWhileIndexing(t *testing.T) {
	lib := guides.Load([]guides.Dir{guides.Embedded(), {FS: guidestest.SyntheticCorpus(1500, 2), Name: "synthetic"}},
		guides.Options{Lazy: true})
	total := len(lib.Guides())
	d := &driver{t: t, m: New(lib, Options{Style: "notty"}), holdIndex: true}
	d.m.ctx.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	d.m.ctx.settle = 0
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if len(d.held) != 1 {
		t.Fatalf("%d steps of the index after the first screen, want 1", len(d.held))
	}
	d.keys("/")
	d.typeText("implied")
	view := func() string { return ansi.Strip(d.m.View().Content) }
	if !strings.Contains(view(), "Indexing 1,518 guides") {
		t.Errorf("before the index starts:\n%s", view())
	}
	// Titles and summaries first: "implied" is in the text of guides
	// only, so nothing is found yet, and the pane says what it searched.
	d.release()
	if v := view(); !strings.Contains(v, "No guide matches") || !strings.Contains(v, "Searching 0 of 1,518 guides in full") {
		t.Errorf("after the front matter was indexed:\n%s", v)
	}
	steps := 0
	for len(d.held) > 0 {
		d.release()
		steps++
		done, _ := d.m.ctx.Index.Indexed()
		if done < total && !strings.Contains(view(), "Searching "+guides.Thousands(done)+" of 1,518") {
			t.Errorf("after %d guides:\n%s", done, view())
		}
	}
	if steps < 2 || !d.m.ctx.Index.Complete() {
		t.Errorf("the text came in %d steps; complete %v", steps, d.m.ctx.Index.Complete())
	}
	if v := view(); strings.Contains(v, "Searching") || !strings.Contains(v, "1/") {
		t.Errorf("with the index complete:\n%s", v)
	}
	if !lib.Linked() {
		t.Error("the library was not linked once indexed")
	}
	d.send(keyPress("enter"))
	if doc := d.m.reader.doc; doc == nil || !strings.Contains(strings.Join(doc.Plain, "\n"), "Linked from") {
		t.Error("a guide opened after linking does not list the guides that link to it")
	}
}
