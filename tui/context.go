package tui

import (
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"pathways/assets"
	"pathways/guides"
	"pathways/guides/search"
	"pathways/tui/render"
	"pathways/tui/state"
)

// Context is what every screen shares: the library, the size of the
// terminal, the styles and keys, and the rendered-guide cache.
type Context struct {
	Lib *guides.Library
	// Index is nil until the first screen is up; then it is built in the
	// background, a part at a time (see indexedMsg).
	Index *search.Progressive
	// indexing is set once the first screen is up and the index has been
	// asked for.
	indexing bool
	Keys     KeyMap
	Styles   Styles

	Width, Height int
	// Style is the resolved glamour style (dark, light, notty, ascii).
	Style string
	// FixedStyle is set when --style or NO_COLOR chose the style, so the
	// terminal's background is not asked.
	FixedStyle bool

	// Store keeps positions, bookmarks and recent guides; never nil.
	Store *state.Store
	// MaxWidth is --width, the widest a guide is wrapped (0: no cap).
	MaxWidth int
	// Now is the clock, for freshness marks.
	Now func() time.Time

	cache     map[renderKey]*render.Rendered
	renderers *rendererPool
	// tick schedules a message (tea.Tick); tests replace it.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
	// settle is how long the work that waits for the first screen waits
	// after it is drawn (see afterFirstScreen); tests set it to zero.
	settle time.Duration
	// openURL hands a web address to the system's browser; tests replace
	// it so that nothing is launched.
	openURL func(url string) error
}

func newContext(lib *guides.Library, style string, fixed bool) *Context {
	isDark := style != assets.StyleLight
	return &Context{
		Lib: lib, Keys: DefaultKeyMap(),
		Styles: NewStyles(isDark, assets.Plain(style)), Style: style, FixedStyle: fixed,
		cache:     map[renderKey]*render.Rendered{},
		renderers: &rendererPool{lib: lib, free: map[rendererKey][]*render.Renderer{}},
		tick:      tea.Tick,
		settle:    firstScreenSettle,
		Now:       time.Now,
		openURL:   openInBrowser,
	}
}

// stale is the freshness mark for a guide, or "" when it is current.
func (c *Context) stale(g *guides.Guide) string {
	if !g.Stale(c.Now()) {
		return ""
	}
	return "⚠ may be out of date, reviewed " + g.ReviewedString()
}

// firstScreenSettle is how long the work that waits for the first screen
// waits once that screen is drawn: a few frames, for Bubble Tea to flush it
// on its next frame tick and the terminal to paint it, neither of which
// should compete for the CPU with building the index. Nobody searches that
// soon, and a search that does is told the index is on its way.
const firstScreenSettle = 50 * time.Millisecond

// savedMsg reports a finished save of the reading state.
type savedMsg struct{ err error }

// saveCmd writes the reading state off the UI goroutine.
func (c *Context) saveCmd() tea.Cmd {
	st := c.Store
	if !st.Dirty() {
		return nil
	}
	return func() tea.Msg { return savedMsg{st.Save()} }
}

// renderKey names one rendering of a guide.
type renderKey struct {
	Slug    string
	Width   int
	Style   string
	Preview bool // only the start, for the list's preview
}

// cached returns the rendering of slug at width if there is one.
func (c *Context) cached(slug string, width int) (*render.Rendered, bool) {
	r, ok := c.cache[renderKey{slug, width, c.Style, false}]
	return r, ok
}

// cachedPreview returns a rendering good for the preview pane: the whole
// guide if it was rendered at that width, or its start.
func (c *Context) cachedPreview(slug string, width int) (*render.Rendered, bool) {
	if r, ok := c.cached(slug, width); ok {
		return r, true
	}
	r, ok := c.cache[renderKey{slug, width, c.Style, true}]
	return r, ok
}

// renderedMsg carries a finished rendering back to Update.
type renderedMsg struct {
	key renderKey
	doc *render.Rendered
	err error
}

// renderCmd renders a guide off the UI goroutine.
func (c *Context) renderCmd(g *guides.Guide, width int) tea.Cmd {
	return c.renderKeyCmd(g, renderKey{g.Slug, width, c.Style, false})
}

// previewCmd renders the start of a guide off the UI goroutine.
func (c *Context) previewCmd(g *guides.Guide, width int) tea.Cmd {
	return c.renderKeyCmd(g, renderKey{g.Slug, width, c.Style, true})
}

func (c *Context) renderKeyCmd(g *guides.Guide, key renderKey) tea.Cmd {
	pool := c.renderers
	return func() tea.Msg {
		doc, err := pool.render(g, key)
		return renderedMsg{key: key, doc: doc, err: err}
	}
}

// store keeps a rendering; called from Update only.
func (c *Context) store(msg renderedMsg) {
	if msg.err == nil && msg.doc != nil {
		c.cache[msg.key] = msg.doc
	}
}

// rendererKey is what a glamour renderer is built for.
type rendererKey struct {
	Style string
	Width int
}

// rendererPool lends renderers to commands running at the same time; a
// glamour renderer must not be shared while in use.
type rendererPool struct {
	lib  *guides.Library
	mu   sync.Mutex
	free map[rendererKey][]*render.Renderer
}

func (p *rendererPool) render(g *guides.Guide, key renderKey) (doc *render.Rendered, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("rendering %s failed: %v", g.Slug, r)
		}
	}()
	rk := rendererKey{key.Style, key.Width}
	p.mu.Lock()
	var r *render.Renderer
	if free := p.free[rk]; len(free) > 0 {
		r, p.free[rk] = free[len(free)-1], free[:len(free)-1]
	}
	p.mu.Unlock()
	if r == nil {
		if r, err = render.New(p.lib, key.Style, key.Width); err != nil {
			return nil, err
		}
	}
	if key.Preview {
		doc, err = r.Preview(g)
	} else {
		doc, err = r.Render(g)
	}
	p.mu.Lock()
	p.free[rk] = append(p.free[rk], r)
	p.mu.Unlock()
	return doc, err
}

// indexedMsg carries the search index, built off the UI goroutine: first
// the front matter of every guide, then whole guides a part at a time.
// Each arrival reruns the search on screen and asks for the next part;
// the last one links the library (see linkedMsg).
type indexedMsg struct{ ix *search.Progressive }

// linkedMsg says the library's links have all been read: pages now list
// the guides that link to them.
type linkedMsg struct{}

// afterFirstScreen starts what waits for the first screen (building the
// search index and completing a lazy library) once that screen is on its
// way: when nothing more is being rendered for it (pending is nil), or
// later, when a rendering arrives or a key is pressed; then it waits
// firstScreenSettle more. On two cores that work would otherwise compete
// with drawing the first screen (BenchmarkFirstScreen measures it).
func (c *Context) afterFirstScreen(pending tea.Cmd) tea.Cmd {
	if c.indexing || pending != nil {
		return pending
	}
	c.indexing = true
	lib, settle := c.Lib, c.settle
	return func() tea.Msg {
		time.Sleep(settle)
		return indexedMsg{search.StartIndex(lib)}
	}
}

// indexed stores a step of the index and starts the next: another part,
// or, once every guide is in, linking the library.
func (c *Context) indexed(ix *search.Progressive) tea.Cmd {
	c.Index = ix
	if !ix.Complete() {
		_, total := ix.Indexed()
		return func() tea.Msg { return indexedMsg{ix.Next(indexPart(total))} }
	}
	lib := c.Lib
	return func() tea.Msg {
		lib.Complete()
		return linkedMsg{}
	}
}

// indexPart is how many guides one step of the index reads: an eighth of
// the library, so that a search's answer fills in a few times as the
// text comes in, and at least 500, so a small library is one step.
func indexPart(total int) int { return max(500, total/8) }

// linked drops the pages rendered before the library was linked, so they
// are rendered again with the guides that link to them; previews, which
// show a guide's own text, stay.
func (c *Context) linked() {
	for k := range c.cache {
		if !k.Preview {
			delete(c.cache, k)
		}
	}
}
