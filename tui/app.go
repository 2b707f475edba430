// Package tui is the full-screen browser's screens: a thin root model
// routing between the guide list, the search pane, the reader, bookmarks
// and the pathway finder. Rendering lives in tui/render and reading state
// in tui/state; only cmd/pathways imports this package.
package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/assets"
	"pathways/guides"
	"pathways/tui/render"
	"pathways/tui/state"
)

type screen int

const (
	screenBrowse screen = iota
	screenSearch
	screenReader
	screenBookmarks
	screenFinder
	screenCRS
)

// Minimum usable terminal size; below it a short message is shown.
const (
	minWidth  = 40
	minHeight = 10
)

// Options start the browser.
type Options struct {
	// Slug opens this guide first (it must exist).
	Slug string
	// Style is auto, dark, light, notty or ascii. With auto, the terminal's
	// background decides between dark and light.
	Style string
	// Store keeps reading positions, bookmarks and recent guides; nil keeps
	// them for this run only.
	Store *state.Store
	// Notice is shown once at start (for example, a state file moved aside).
	Notice string
	// Width is --width: the widest a guide is wrapped (0: the terminal's
	// width, up to render.MaxWidth).
	Width int
	// Now is the clock for freshness marks (default time.Now).
	Now func() time.Time
}

// Model is the root of the browser. It owns the screens and the history,
// handles global keys, and hands everything else to the active screen.
type Model struct {
	ctx    *Context
	screen screen
	// backTo is where esc leaves each screen opened over another for
	// (search, bookmarks, finder, calculator); each keeps its own, so that
	// one opened over another (bookmarks over the finder's results) leaves
	// the way back through both.
	backTo    [screenCRS + 1]screen
	browse    Browse
	search    Search
	reader    Reader
	bookmarks BookmarkList
	finder    Finder
	crs       CRS
	history   History

	showHelp bool
	// helpOffset is the first line of the help shown, when it is taller
	// than the terminal.
	helpOffset int
	// notice is a message over the footer of whatever screen the browser
	// opened on (a broken guide file, a state file moved aside), until the
	// next key.
	notice string
}

// New builds the browser over a library.
func New(lib *guides.Library, opts Options) Model {
	style, fixed := opts.Style, true
	if style == "" || style == assets.StyleAuto {
		style, fixed = assets.StyleDark, false
	}
	ctx := newContext(lib, style, fixed)
	ctx.Width, ctx.Height = 80, 24
	ctx.Store = opts.Store
	if ctx.Store == nil {
		ctx.Store, _, _ = state.Open("", state.Options{Off: true})
	}
	if opts.Now != nil {
		ctx.Now = opts.Now
	}
	ctx.MaxWidth = opts.Width
	m := Model{ctx: ctx, browse: newBrowse(ctx), search: newSearch(ctx), reader: newReader(ctx),
		bookmarks: newBookmarks(ctx), finder: newFinder(ctx), crs: newCRS(ctx), notice: opts.Notice}
	if opts.Slug != "" {
		if g, ok := lib.Guide(opts.Slug); ok {
			m.browse.selectSlug(g.Slug)
			m.history.Push(Place{Slug: g.Slug, Focus: -1})
			m.screen = screenReader
			m.reader.open(g, Place{Slug: g.Slug, Focus: -1}, "", true) // rendered once the size is known
		}
	}
	return m
}

// Init asks for the terminal's background (unless a style was chosen). The
// first rendering follows the window size, and the search index the first
// rendering (see afterFirstScreen).
func (m Model) Init() tea.Cmd {
	if !m.ctx.FixedStyle {
		return tea.RequestBackgroundColor
	}
	return nil
}

// Update routes messages: app-wide ones here, the rest to the active screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = max(1, msg.Width), max(1, msg.Height)
		m.browse.scrollToSel()
		m.finder.resized()
		m.crs.resized()
		m.search.resized()
		m.reader.findResized()
		if m.screen != screenBrowse {
			return m, m.ctx.afterFirstScreen(m.reader.resized()) // the preview renders when the list shows
		}
		return m, m.ctx.afterFirstScreen(tea.Batch(m.reader.resized(), m.browse.preview()))
	case tea.BackgroundColorMsg:
		return m, m.setBackground(msg.IsDark())
	case renderedMsg:
		m.ctx.store(msg)
		return m, tea.Batch(m.reader.rendered(msg), m.ctx.afterFirstScreen(nil))
	case indexedMsg:
		return m, tea.Batch(m.ctx.indexed(msg.ix), m.search.rerun())
	case linkedMsg:
		m.ctx.linked()
		return m, nil
	case searchResultsMsg:
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return m, cmd
	case statusClearMsg, openedMsg:
		var cmd tea.Cmd
		m.reader, cmd = m.reader.Update(msg)
		return m, cmd
	case savedMsg:
		if msg.err != nil {
			m.notice = "could not save reading state: " + msg.err.Error()
			return m, m.reader.setStatus(m.notice)
		}
		return m, nil
	case openGuideMsg:
		g, ok := m.ctx.Lib.Guide(msg.slug)
		if !ok {
			return m, nil
		}
		// An overlay opened from the reader (the calculator perhaps from the
		// finder, opened from the reader) keeps the reader's history.
		fromReader := m.overReader(m.screen)
		via := screenBrowse
		if m.screen == screenSearch || m.screen == screenBookmarks || m.screen == screenFinder || m.screen == screenCRS {
			via = m.screen // back returns there
		}
		if via != screenBrowse && fromReader {
			m.leaveGuide()
		} else if m.screen != screenReader {
			m.history.Clear()
		}
		cmd := m.openNew(g, msg.anchor, msg.resume, via)
		if msg.find != "" {
			cmd = tea.Batch(cmd, m.reader.carryFind(msg.find))
		}
		m.browse.refresh(g.Slug)
		return m, tea.Batch(cmd, m.ctx.saveCmd())
	case finderDoneMsg:
		return m, m.returnTo(m.backTo[screenFinder])
	case crsDoneMsg:
		return m, m.returnTo(m.backTo[screenCRS])
	case jumpMsg:
		if m.reader.current() == nil || m.reader.current().Slug != msg.to.Slug {
			return m, nil
		}
		m.leaveGuide()
		m.history.Push(msg.to)
		m.reader.jump(msg.to)
		return m, nil
	case followMsg:
		m.leaveGuide()
		return m, tea.Batch(m.openNew(msg.target.Guide, msg.target.Anchor, false, screenBrowse), m.ctx.saveCmd())
	case tea.KeyPressMsg:
		// A key means the first screen is up: the index, if nothing has
		// started it yet, starts now.
		start := m.ctx.afterFirstScreen(nil)
		next, cmd := m.updateKey(msg)
		return next, tea.Batch(start, cmd)
	case tea.MouseMsg:
		if m.showHelp || m.tooSmall() {
			return m, nil
		}
		return m.toScreen(msg)
	case tea.PasteMsg:
		// Bracketed paste: text for the search box or the find prompt.
		return m.toScreen(msg)
	}
	if m.screen == screenFinder || m.screen == screenCRS {
		// The form's own messages (next field, next page) go back to it.
		return m.toScreen(msg)
	}
	return m, nil
}

// openNew opens g as a new history entry, at an anchor if given, or with
// resume where it was left last time; via is the screen it was picked from.
func (m *Model) openNew(g *guides.Guide, anchor string, resume bool, via screen) tea.Cmd {
	p := Place{Slug: g.Slug, Focus: -1}
	m.history.Push(Place{Slug: g.Slug, Focus: -1, Via: via})
	m.screen = screenReader
	m.browse.selectSlug(g.Slug)
	return m.reader.open(g, p, anchor, resume)
}

// leaveGuide records where the reader is, in the history and in the
// reading state, before another guide or screen takes its place.
func (m *Model) leaveGuide() {
	m.history.Update(m.reader.place())
	m.reader.remember()
}

// goTo opens a place from history (back or forward).
func (m *Model) goTo(p Place) tea.Cmd {
	g, ok := m.ctx.Lib.Guide(p.Slug)
	if !ok {
		return nil
	}
	m.screen = screenReader
	m.browse.selectSlug(g.Slug)
	return m.reader.open(g, p, "", false)
}

// goBack leaves the guide for what came before it: the screen it was
// picked from (search results, the finder's or the calculator's,
// bookmarks) as it was left, else the place before it, else the list.
func (m *Model) goBack() tea.Cmd {
	cur, _ := m.history.Current()
	if cur.Via == screenBrowse {
		if !m.history.CanBack() {
			return m.toList()
		}
		m.leaveGuide()
		p, _ := m.history.Back()
		return tea.Batch(m.goTo(p), m.ctx.saveCmd())
	}
	m.leaveGuide()
	var cmd tea.Cmd
	if p, ok := m.history.Back(); ok {
		// The guide the screen was opened over, for esc to return to;
		// forward from it comes back here.
		cmd = m.goTo(p)
	} else {
		// No guide under the screen: esc from it goes to the list, not
		// back to the guide just left.
		m.history.Clear()
		for s, b := range m.backTo {
			if b == screenReader {
				m.backTo[s] = screenBrowse
			}
		}
	}
	m.browse.refresh(m.reader.current().Slug)
	m.screen = cur.Via
	if cur.Via == screenSearch {
		cmd = tea.Batch(cmd, m.search.focus())
	}
	return tea.Batch(cmd, m.ctx.saveCmd())
}

func (m *Model) toList() tea.Cmd {
	m.leaveGuide()
	m.history.Clear()
	m.screen = screenBrowse
	if g := m.reader.current(); g != nil {
		m.browse.refresh(g.Slug)
	}
	return tea.Batch(m.browse.preview(), m.ctx.saveCmd())
}

// quit remembers the reader's place; Run saves the state after the program
// ends, so quitting never waits on the disk.
func (m *Model) quit() tea.Cmd {
	if m.screen == screenReader || m.overReader(m.screen) {
		m.reader.remember()
	}
	return tea.Quit
}

func (m *Model) setBackground(isDark bool) tea.Cmd {
	if m.ctx.FixedStyle {
		return nil
	}
	style := assets.StyleLight
	if isDark {
		style = assets.StyleDark
	}
	if style == m.ctx.Style {
		return nil
	}
	m.ctx.Style = style
	m.ctx.Styles = NewStyles(isDark, false)
	m.search.restyle()
	m.reader.restyle()
	return tea.Batch(m.reader.resized(), m.browse.preview())
}

func (m Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys
	if key.Matches(msg, k.ForceQuit) {
		return m, m.quit()
	}
	m.notice = ""
	if m.showHelp {
		// Help closes with ?, q or esc, as in less and info, and never
		// quits; the movement keys scroll it on a short terminal.
		switch last := max(0, len(m.helpLines())-(m.ctx.Height-1)); {
		case key.Matches(msg, k.Down):
			m.helpOffset = min(m.helpOffset+1, last)
		case key.Matches(msg, k.Up):
			m.helpOffset = max(m.helpOffset-1, 0)
		case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
			m.helpOffset = min(m.helpOffset+max(1, m.ctx.Height-2), last)
		case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
			m.helpOffset = max(m.helpOffset-max(1, m.ctx.Height-2), 0)
		case key.Matches(msg, k.Top):
			m.helpOffset = 0
		case key.Matches(msg, k.Bottom):
			m.helpOffset = last
		default:
			m.showHelp = false
		}
		return m, nil
	}
	if m.tooSmall() {
		if key.Matches(msg, k.Quit) {
			return m, m.quit()
		}
		return m, nil
	}
	typing := m.screen == screenSearch || (m.screen == screenReader && m.reader.typing()) ||
		(m.screen == screenFinder && m.finder.typing()) || (m.screen == screenCRS && m.crs.typing())
	if !typing {
		switch {
		case key.Matches(msg, k.Quit):
			return m, m.quit()
		case key.Matches(msg, k.Help):
			m.showHelp, m.helpOffset = true, 0
			return m, nil
		case key.Matches(msg, k.Bookmarks) && m.screen != screenBookmarks && !m.reader.overlayOpen():
			m.backTo[screenBookmarks] = m.screen
			m.screen = screenBookmarks
			return m, nil
		}
	}
	switch m.screen {
	case screenBookmarks:
		if key.Matches(msg, k.Cancel) {
			return m, m.returnTo(m.backTo[screenBookmarks])
		}
	case screenBrowse:
		if key.Matches(msg, k.Search) {
			return m, m.openSearch(screenBrowse)
		}
		if key.Matches(msg, k.Finder) {
			return m, m.openFinder(screenBrowse)
		}
		if key.Matches(msg, k.CRS) {
			return m, m.openCRS(screenBrowse)
		}
	case screenFinder:
		// From the finder's results: estimate the score.
		if key.Matches(msg, k.CRS) && !m.finder.typing() {
			return m, m.openCRS(screenFinder)
		}
	case screenSearch:
		if key.Matches(msg, k.Cancel) {
			m.search.blur()
			return m, m.returnTo(m.backTo[screenSearch])
		}
	case screenReader:
		if typing || m.reader.overlayOpen() {
			break
		}
		switch {
		case key.Matches(msg, k.Back):
			return m, m.goBack()
		case key.Matches(msg, k.Forward):
			if !m.history.CanForward() {
				return m, nil
			}
			m.leaveGuide()
			p, _ := m.history.Forward()
			return m, tea.Batch(m.goTo(p), m.ctx.saveCmd())
		case key.Matches(msg, k.ToList):
			// With a find active, the first esc clears it.
			if cmd, ok := m.reader.clearFind(); ok {
				return m, cmd
			}
			return m, m.toList()
		case key.Matches(msg, k.SearchAll):
			return m, m.openSearch(screenReader)
		case key.Matches(msg, k.Finder):
			return m, m.openFinder(screenReader)
		case key.Matches(msg, k.CRS):
			return m, m.openCRS(screenReader)
		}
	}
	return m.toScreen(msg)
}

func (m *Model) openSearch(from screen) tea.Cmd {
	m.backTo[screenSearch] = from
	m.screen = screenSearch
	return m.search.focus()
}

// overReader reports whether s was opened over the reader, directly or
// through other screens (the calculator from the finder's results, opened
// from a guide).
func (m *Model) overReader(s screen) bool {
	for range len(m.backTo) {
		if s == screenReader || s == screenBrowse {
			break
		}
		s = m.backTo[s]
	}
	return s == screenReader
}

// returnTo goes back to the screen an overlay screen was opened from; the
// list may need its preview rendered for a size that changed meanwhile.
func (m *Model) returnTo(s screen) tea.Cmd {
	m.screen = s
	if s == screenBrowse {
		return m.browse.preview()
	}
	return nil
}

// openFinder shows the pathway finder; esc returns to from.
func (m *Model) openFinder(from screen) tea.Cmd {
	m.backTo[screenFinder] = from
	m.screen = screenFinder
	return m.finder.open()
}

// openCRS shows the CRS calculator; esc returns to from.
func (m *Model) openCRS(from screen) tea.Cmd {
	m.backTo[screenCRS] = from
	m.screen = screenCRS
	return m.crs.open()
}

// toScreen hands a message to the active screen.
func (m Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenBrowse:
		m.browse, cmd = m.browse.Update(msg)
	case screenSearch:
		m.search, cmd = m.search.Update(msg)
	case screenReader:
		m.reader, cmd = m.reader.Update(msg)
	case screenBookmarks:
		m.bookmarks, cmd = m.bookmarks.Update(msg)
	case screenFinder:
		m.finder, cmd = m.finder.Update(msg)
	case screenCRS:
		m.crs, cmd = m.crs.Update(msg)
	}
	return m, cmd
}

func (m Model) tooSmall() bool { return m.ctx.Width < minWidth || m.ctx.Height < minHeight }

// View draws the active screen on the alternate screen, with the mouse on.
func (m Model) View() tea.View {
	// Every screen fits itself to the terminal; clipping here as well makes
	// sure no line ever wraps or scrolls the screen, whatever a guide holds.
	frame := render.Clean(clip(m.content(), m.ctx.Width, m.ctx.Height), true)
	if m.ctx.Style == assets.StyleASCII {
		frame = render.ASCII(frame)
	}
	v := tea.NewView(frame)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "pathways"
	if g := m.reader.current(); m.screen == screenReader && g != nil {
		v.WindowTitle = render.Clean("pathways: "+g.Title, false)
	}
	if !m.showHelp && !m.tooSmall() {
		switch m.screen {
		case screenSearch:
			v.Cursor = m.search.cursor()
		case screenReader:
			v.Cursor = m.reader.cursor()
		}
	}
	return v
}

func (m Model) content() string {
	w, h := m.ctx.Width, m.ctx.Height
	if m.tooSmall() {
		msg := fmt.Sprintf("Terminal too small: %d×%d.\nNeeds at least %d×%d.\nq quits.", w, h, minWidth, minHeight)
		return clip(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, msg), w, h)
	}
	if m.showHelp {
		return m.helpView()
	}
	v := m.screenView()
	if m.notice != "" {
		v = m.withNotice(v)
	}
	return v
}

// screenView is the active screen's view.
func (m Model) screenView() string {
	switch m.screen {
	case screenFinder:
		return m.finder.View()
	case screenCRS:
		return m.crs.View()
	case screenSearch:
		return m.search.View()
	case screenBookmarks:
		return m.bookmarks.View()
	case screenReader:
		if m.reader.current() != nil {
			return m.reader.View()
		}
	}
	return m.browse.View()
}

// withNotice puts the notice over the last lines of a view, in place of the
// footer until the next key, wrapped (at spaces, else at slashes) so that a
// long path reads whole; it takes at most half the screen.
func (m Model) withNotice(v string) string {
	w := max(1, m.ctx.Width-1)
	notice := strings.Split(ansi.Wrap(m.notice, w, "/"), "\n")
	notice = notice[:min(len(notice), max(1, m.ctx.Height/2))]
	lines := strings.Split(v, "\n")
	at := max(0, len(lines)-len(notice))
	for i, l := range notice {
		if at+i < len(lines) {
			lines[at+i] = " " + m.ctx.Styles.Status.Render(ansi.Truncate(l, w, "…"))
		}
	}
	return strings.Join(lines, "\n")
}

// clip cuts a view to w cells by h lines.
func clip(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return strings.Join(lines, "\n")
}

// helpModel is a help.Model styled for the context and fitted to a width.
func helpModel(ctx *Context, width int) help.Model {
	hm := help.New()
	hm.Styles = ctx.Styles.Help
	hm.SetWidth(max(1, width))
	return hm
}

// hints is a footer's key hints in width columns: the hints in order of
// priority, dropping the last first, then always the keys in keep (help
// and quit), so that a narrow terminal never hides how to get help or out.
func hints(ctx *Context, width int, hs, keep []key.Binding) string {
	hm := help.New() // no width: the loop below does the fitting
	hm.Styles = ctx.Styles.Help
	for n := len(hs); n > 0; n-- {
		if v := hm.ShortHelpView(append(hs[:n:n], keep...)); ansi.StringWidth(v) <= width {
			return v
		}
	}
	return ansi.Truncate(hm.ShortHelpView(keep), width, "…")
}

// helpLines is the full key help of the active screen, from the same
// bindings that drive it: in columns where they fit, else one column.
func (m Model) helpLines() []string {
	var groups [][]key.Binding
	switch m.screen {
	case screenSearch:
		groups = m.search.fullHelp()
	case screenBookmarks:
		groups = m.bookmarks.fullHelp()
	case screenFinder:
		groups = m.finder.fullHelp()
	case screenCRS:
		groups = m.crs.fullHelp()
	case screenReader:
		groups = m.reader.fullHelp(m.history.CanBack(), m.history.CanForward())
	default:
		groups = m.browse.fullHelp()
	}
	st := m.ctx.Styles
	hm := help.New() // no width: a view too wide is laid out again below
	hm.Styles = st.Help
	keys := hm.FullHelpView(groups)
	if lipgloss.Width(keys) > m.ctx.Width-2 {
		var col []string
		for _, g := range groups {
			if v := hm.FullHelpView([][]key.Binding{g}); v != "" {
				col = append(col, v)
			}
		}
		keys = strings.Join(col, "\n\n")
	}
	body := []string{
		" " + st.Header.Render("Keys"),
		st.Rule.Render(strings.Repeat("─", m.ctx.Width)),
		"",
	}
	for _, l := range strings.Split(keys, "\n") {
		body = append(body, " "+l)
	}
	body = append(body, "")
	for _, p := range []string{"Mouse: the wheel scrolls the pane under the pointer; in a list a click selects and a second click opens; in a guide a click follows a link.",
		"The guides are general information, not legal advice."} {
		for _, l := range strings.Split(ansi.Wordwrap(p, max(10, m.ctx.Width-2), ""), "\n") {
			body = append(body, " "+st.Dim.Render(l))
		}
	}
	for i, l := range body {
		body[i] = ansi.Truncate(l, m.ctx.Width, "…")
	}
	return body
}

// helpView is the help screen: as much of the help as fits, and a last
// line that says how to close it (and scroll it, when it does not fit).
func (m Model) helpView() string {
	body, h := m.helpLines(), m.ctx.Height-1
	total := len(body)
	last := " " + m.ctx.Styles.Dim.Render("?, q or esc closes this help.")
	if total > h {
		off := min(m.helpOffset, total-h)
		body = body[off : off+h]
		last = " " + m.ctx.Styles.Dim.Render(fmt.Sprintf("↑/↓ scroll (%d–%d of %d) · ?, q or esc closes this help.",
			off+1, off+h, total))
	} else {
		for len(body) < h {
			body = append(body, "")
		}
	}
	return strings.Join(append(body, ansi.Truncate(last, m.ctx.Width, "…")), "\n")
}
