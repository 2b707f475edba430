package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
)

// longest is the embedded guide with the most text.
func longest(lib *guides.Library) *guides.Guide {
	var g *guides.Guide
	for _, x := range lib.Guides() {
		if g == nil || len(x.Body) > len(g.Body) {
			g = x
		}
	}
	return g
}

// BenchmarkRenderCached opens an already-rendered guide at the same width.
func BenchmarkRenderCached(b *testing.B) {
	lib := guides.LoadEmbedded()
	g := longest(lib)
	m := New(lib, Options{Style: "dark"})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 81, Height: 40})
	m = next.(Model)
	doc, err := m.ctx.renderers.render(g, renderKey{g.Slug, m.ctx.renderWidth(81), "dark", false})
	if err != nil {
		b.Fatal(err)
	}
	m.ctx.store(renderedMsg{key: renderKey{g.Slug, m.ctx.renderWidth(81), "dark", false}, doc: doc})
	b.ReportAllocs()
	for b.Loop() {
		if cmd := m.reader.open(g, Place{Slug: g.Slug, Focus: -1}, "", false); cmd != nil || m.reader.doc == nil {
			b.Fatal("cached guide was not opened from the cache")
		}
	}
}

// BenchmarkStartup is from loading the library to the first complete view
// of the browser at 120×36, preview included.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib := guides.LoadEmbedded()
		m := New(lib, Options{Style: "dark"})
		next, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
		m = next.(Model)
		// The preview's rendering arrives; what it starts in turn (the
		// search index) runs beside the first view, not before it.
		for _, msg := range cmdMsgs(cmd) {
			next, _ = m.Update(msg)
			m = next.(Model)
		}
		if v := m.View(); !strings.Contains(ansi.Strip(v.Content), "In short") {
			b.Fatal("the first view has no preview")
		}
	}
}

// cmdMsgs runs a command (and the commands of a batch) and returns their
// messages without feeding them back.
func cmdMsgs(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, cmdMsgs(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}
