package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/tui/render"
	"pathways/tui/state"
)

// Reader shows one guide: rendered text, link focus, find and outline.
type Reader struct {
	ctx   *Context
	guide *guides.Guide
	doc   *render.Rendered // nil until the first rendering arrives
	// want is the rendering being waited for; a different one is stale.
	want renderKey

	offset int
	focus  int // index into doc.Links, -1 for none

	// pending is applied when the rendering arrives.
	pending struct {
		set    bool
		place  Place
		anchor string
		// keep holds the line at the top across a re-render (a resize):
		// it is past (0 to 1) of the way through the section under
		// heading (an index into Page.Headings, -1 before the first).
		keep    bool
		heading int
		past    float64
		resume  bool // go where the reader left this guide last time
		find    bool // find a search's query once rendered (carryFind)
	}

	finding   bool // typing a find query
	findInput textinput.Model
	query     string
	// words finds each word of the query on its own: a search's query,
	// carried into the guide (carryFind).
	words bool
	hits  []findHit
	hit   int
	// hitAhead: the current match is not on screen yet, and n goes to it.
	hitAhead bool
	// Before the find prompt opened: the find then active and the line at
	// the top, which esc in the prompt restores; up recalls lastQuery.
	findBefore struct {
		query  string
		words  bool
		hit    int
		offset int
	}
	lastQuery string

	outlineOpen bool
	outlineSel  int

	status   string
	statusID int
}

// Layout: a two-line header and a one-line footer around the text.
const (
	readerHeader = 2
	readerFooter = 1
)

func newReader(ctx *Context) Reader {
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "find in this guide"
	in.SetStyles(ctx.Styles.Input)
	in.SetVirtualCursor(false) // the terminal's own cursor: no blink timers
	return Reader{ctx: ctx, focus: -1, findInput: in}
}

// renderWidth is the width guides are rendered at for a terminal width.
// renderWidth is the wrap width for a terminal width (render.ReaderWidth,
// with --width as its cap).
func (c *Context) renderWidth(termWidth int) int { return render.ReaderWidth(termWidth, c.MaxWidth) }

func (r *Reader) bodyHeight() int { return r.ctx.readerHeight() }

// readerHeight is how many lines of a guide the reader shows at once.
func (c *Context) readerHeight() int { return max(1, c.Height-readerHeader-readerFooter) }

// readPercent is how far through a guide a reader is whose screen, height
// lines tall, starts at p.Line: the share of the guide's lines down to the
// bottom of that screen. The reader's footer and the list's offer to
// continue both show this number.
func readPercent(p state.Position, height int) int {
	if p.Lines <= height {
		return 100
	}
	return max(0, min(100, (p.Line+height)*100/p.Lines))
}

// open shows g at a place (or at an anchor), rendering it if needed.
// With resume, a guide read before goes where it was left last time.
func (r *Reader) open(g *guides.Guide, p Place, anchor string, resume bool) tea.Cmd {
	r.guide = g
	r.doc = nil
	r.offset, r.focus = 0, -1
	r.outlineOpen, r.finding = false, false
	r.hits, r.hit = nil, 0
	// The last guide's link hint or notice does not follow into this one.
	r.status = ""
	r.statusID++
	r.pending.set, r.pending.place, r.pending.anchor, r.pending.keep = true, p, anchor, false
	r.pending.resume = resume && anchor == ""
	r.pending.find, r.hitAhead = false, false
	r.ctx.Store.MarkRead(g.Slug)
	return r.ensureRendered()
}

// remember saves where the reader is in the guide, to resume there later.
func (r *Reader) remember() {
	if r.guide == nil || r.doc == nil {
		return
	}
	r.ctx.Store.SetPosition(r.guide.Slug, state.Position{Line: r.offset, Lines: len(r.doc.Lines), Anchor: r.currentAnchor()})
}

// currentAnchor is the anchor of the section at the top of the screen, ""
// before the first heading.
func (r *Reader) currentAnchor() string {
	if r.doc == nil {
		return ""
	}
	anchor := ""
	for _, h := range r.doc.Headings {
		if h.Line > r.offset {
			break
		}
		anchor = r.doc.Page.Headings()[h.Heading].Anchor
	}
	return anchor
}

// toggleBookmark bookmarks the section on screen, or removes its bookmark.
func (r *Reader) toggleBookmark() tea.Cmd {
	if r.doc == nil {
		return nil
	}
	anchor := r.currentAnchor()
	heading := ""
	if h, ok := r.doc.Page.Heading(anchor); ok && anchor != "" {
		heading = h.Text
	}
	where := r.guide.Title
	if heading != "" {
		where += " › " + heading
	}
	// With saved state off (or unwritable), the bookmark lasts until quit,
	// and the status says so rather than seem to save it.
	done := "bookmarked " + where + "  (' lists bookmarks)"
	if err := r.ctx.Store.ReadOnly(); err != nil {
		done = "bookmarked for this session only (" + err.Error() + "): " + where
	}
	if r.ctx.Store.ToggleBookmark(state.Bookmark{Slug: r.guide.Slug, Anchor: anchor, Heading: heading}) {
		return tea.Batch(r.setStatus(done), r.ctx.saveCmd())
	}
	return tea.Batch(r.setStatus("bookmark removed: "+where), r.ctx.saveCmd())
}

// ensureRendered shows the cached rendering for the current width, or asks
// for one in the background.
func (r *Reader) ensureRendered() tea.Cmd {
	if r.guide == nil {
		return nil
	}
	w := r.ctx.renderWidth(r.ctx.Width)
	if doc, ok := r.ctx.cached(r.guide.Slug, w); ok {
		return r.setDoc(doc)
	}
	r.want = renderKey{r.guide.Slug, w, r.ctx.Style, false}
	return r.ctx.renderCmd(r.guide, w)
}

// rendered takes a finished rendering if it is the one the reader waits for.
func (r *Reader) rendered(msg renderedMsg) tea.Cmd {
	if r.guide == nil || msg.key != r.want {
		return nil
	}
	if msg.err != nil {
		return r.setStatus("could not render this guide: " + msg.err.Error())
	}
	return r.setDoc(msg.doc)
}

// findResized fits the find input to the terminal's width.
func (r *Reader) findResized() {
	r.findInput.SetWidth(max(1, r.ctx.Width-len(r.findInput.Prompt)-2))
}

// resized re-renders for a new width or style, keeping the reader's place;
// the old rendering stays on screen until the new one arrives.
func (r *Reader) resized() tea.Cmd {
	if r.guide == nil {
		return nil
	}
	if r.doc != nil && r.doc.Width == r.ctx.renderWidth(r.ctx.Width) && r.doc.Style == r.ctx.Style {
		r.clamp()
		return nil
	}
	if r.doc != nil && !r.pending.set {
		r.pending.set = true
		r.pending.place = r.place()
		r.pending.anchor = ""
		r.pending.keep = true
		r.pending.heading, r.pending.past = r.sectionPlace()
	}
	return r.ensureRendered()
}

func (r *Reader) setDoc(doc *render.Rendered) tea.Cmd {
	r.doc = doc
	var cmd tea.Cmd
	if r.pending.set {
		p := r.pending
		r.pending.set, r.pending.resume = false, false
		r.offset, r.focus = p.place.Offset, p.place.Focus
		if p.keep {
			r.offset = sectionLine(doc, p.heading, p.past)
		}
		if p.anchor != "" {
			if line, ok := doc.HeadingLine(p.anchor); ok {
				r.offset = line
			}
		}
		if pos, ok := r.ctx.Store.Position(r.guide.Slug); p.resume && ok && pos.Line > 0 {
			r.offset = pos.Line
			if pos.Lines != len(doc.Lines) {
				r.offset = int(pos.Fraction()*float64(len(doc.Lines)) + 0.5)
			}
			r.clamp()
			cmd = r.setStatus(fmt.Sprintf("resumed at %d%%  (g goes to the top)", r.percent()))
		}
	}
	if r.focus >= len(doc.Links) {
		r.focus = -1
	}
	r.runFind()
	r.clamp()
	if r.pending.find {
		r.pending.find = false
		cmd = tea.Batch(cmd, r.landFind())
	}
	return cmd
}

// sectionPlace is where the top line is in the guide's source: the heading
// at or above it (-1: none) and how far through that heading's section it
// is, so a rendering at another width can put the same text at the top.
func (r *Reader) sectionPlace() (heading int, past float64) {
	from, to, heading := 0, len(r.doc.Lines), -1
	for _, h := range r.doc.Headings {
		if h.Line > r.offset {
			to = h.Line
			break
		}
		from, heading = h.Line, h.Heading
	}
	return heading, float64(r.offset-from) / float64(max(1, to-from))
}

// sectionLine is the line of a rendering that sectionPlace described.
func sectionLine(doc *render.Rendered, heading int, past float64) int {
	from, to := 0, len(doc.Lines)
	for i, h := range doc.Headings {
		if heading < 0 {
			to = h.Line
			break
		}
		if h.Heading == heading {
			from = h.Line
			if i+1 < len(doc.Headings) {
				to = doc.Headings[i+1].Line
			}
			break
		}
	}
	return from + int(past*float64(to-from)+0.5)
}

// current is the guide being read, or nil.
func (r *Reader) current() *guides.Guide { return r.guide }

// overlayOpen reports the outline open over the text.
func (r *Reader) overlayOpen() bool { return r.outlineOpen }

// restyle applies the context's styles to the find prompt.
func (r *Reader) restyle() { r.findInput.SetStyles(r.ctx.Styles.Input) }

func (r *Reader) place() Place {
	if r.guide == nil {
		return Place{Focus: -1}
	}
	return Place{Slug: r.guide.Slug, Offset: r.offset, Focus: r.focus}
}

func (r *Reader) maxOffset() int {
	if r.doc == nil {
		return 0
	}
	return max(0, len(r.doc.Lines)-r.bodyHeight())
}

func (r *Reader) clamp() { r.offset = max(0, min(r.offset, r.maxOffset())) }

func (r *Reader) scroll(n int) {
	r.offset += n
	r.clamp()
}

// typing reports whether keys go to an input (so q does not quit).
func (r *Reader) typing() bool { return r.finding }

// followMsg asks the root to follow a link to another guide.
type followMsg struct{ target guides.Target }

// jumpMsg moves within the guide being read, as a new history entry, so
// back returns to where the reader was (a citation, a "see below").
type jumpMsg struct{ to Place }

// anchorPlace is where a link within the guide leads: its heading, or for
// a citation the source's entry in the Sources list, with the source's
// web link focused.
func (r *Reader) anchorPlace(l guides.Link) (Place, bool) {
	line, ok := r.doc.HeadingLine(l.Anchor)
	if !ok {
		return Place{}, false
	}
	to := Place{Slug: r.guide.Slug, Offset: line, Focus: -1}
	if _, n, ok := guides.CitedSource(r.guide, l); ok {
		entry := fmt.Sprintf("%d. ", n)
		for i := line; i < len(r.doc.Plain); i++ {
			if strings.HasPrefix(strings.TrimSpace(r.doc.Plain[i]), entry) {
				to.Offset = max(line, i-1)
				for f, spot := range r.doc.Links {
					if spot.Line == i {
						to.Focus = f
						break
					}
				}
				break
			}
		}
	}
	return to, true
}

// jump moves to a place in the guide being read.
func (r *Reader) jump(p Place) {
	r.offset, r.focus = p.Offset, p.Focus
	r.clamp()
}

// statusClearMsg clears a status line if it is still the one shown.
type statusClearMsg struct{ id int }

func (r *Reader) setStatus(s string) tea.Cmd {
	r.status = s
	r.statusID++
	id := r.statusID
	return r.ctx.tick(4*time.Second, func(time.Time) tea.Msg { return statusClearMsg{id} })
}

// Update handles keys and mouse in the reader. Back, forward, leaving for the
// list and opening search are the root's (they change screens).
func (r Reader) Update(msg tea.Msg) (Reader, tea.Cmd) {
	switch msg := msg.(type) {
	case statusClearMsg:
		if msg.id == r.statusID {
			r.status = ""
		}
		return r, nil
	case openedMsg:
		if msg.err != nil {
			return r, r.setStatus("could not open the link: " + msg.err.Error() + "  (y copies it)")
		}
		return r, r.setStatus("opened in your browser: " + msg.url)
	case tea.PasteMsg:
		if !r.finding {
			return r, nil
		}
		var cmd tea.Cmd
		r.findInput, cmd = r.findInput.Update(tea.PasteMsg{Content: pasteText(msg.Content)})
		if q := r.findInput.Value(); q != r.query {
			r.query = q
			r.runFind()
			r.jumpToHit(r.firstHitFrom(r.offset))
		}
		return r, cmd
	case tea.KeyPressMsg:
		switch {
		case r.finding:
			return r.updateFind(msg)
		case r.outlineOpen:
			return r.updateOutline(msg), nil
		}
		return r.updateKey(msg)
	case tea.MouseWheelMsg:
		d := 0
		switch msg.Button {
		case tea.MouseWheelUp:
			d = -1
		case tea.MouseWheelDown:
			d = 1
		}
		if r.outlineOpen { // the outline is over the guide: it moves
			r.outlineSel = max(0, min(len(r.doc.Headings)-1, r.outlineSel+d))
		} else {
			r.scroll(3 * d)
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft && !r.outlineOpen {
			line := r.offset + msg.Y - readerHeader
			if i, ok := r.linkAt(line, msg.X); ok {
				r.focus = i
				return r, r.follow()
			}
		}
	}
	return r, nil
}

func (r Reader) updateKey(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	k, h := r.ctx.Keys, r.bodyHeight()
	// A status message (a link's target, "resumed at") is about where the
	// reader was: the first move clears it.
	if key.Matches(msg, k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom) {
		r.status = ""
	}
	switch {
	case key.Matches(msg, k.Down):
		r.scroll(1)
	case key.Matches(msg, k.Up):
		r.scroll(-1)
	case key.Matches(msg, k.PageDown):
		r.scroll(h)
	case key.Matches(msg, k.PageUp):
		r.scroll(-h)
	case key.Matches(msg, k.HalfDown):
		r.scroll(h / 2)
	case key.Matches(msg, k.HalfUp):
		r.scroll(-h / 2)
	case key.Matches(msg, k.Top):
		r.offset = 0
	case key.Matches(msg, k.Bottom):
		r.offset = r.maxOffset()
	case key.Matches(msg, k.NextLink):
		return r, r.moveFocus(1)
	case key.Matches(msg, k.PrevLink):
		return r, r.moveFocus(-1)
	case key.Matches(msg, k.Follow):
		return r, r.enter()
	case key.Matches(msg, k.CopyURL):
		if l, ok := r.webLink(); ok {
			// OSC 52 asks the terminal to copy; whether it did, pathways
			// cannot tell, so the status says what was sent.
			return r, tea.Batch(tea.SetClipboard(l.URL), r.setStatus("sent to the terminal clipboard (OSC 52): "+l.URL))
		}
	case key.Matches(msg, k.OpenURL):
		if l, ok := r.webLink(); ok {
			return r, r.ctx.openURLCmd(l.URL)
		}
	case key.Matches(msg, k.Find):
		// The prompt starts empty; up recalls the last query.
		r.findBefore.query, r.findBefore.words, r.findBefore.hit, r.findBefore.offset = r.query, r.words, r.hit, r.offset
		r.words = false
		if r.query != "" {
			r.lastQuery = r.query
		}
		r.finding = true
		r.findInput.SetValue("")
		r.findResized()
		return r, r.findInput.Focus()
	case key.Matches(msg, k.FindNext):
		return r, r.nextHit(1)
	case key.Matches(msg, k.FindPrev):
		return r, r.nextHit(-1)
	case key.Matches(msg, k.Bookmark):
		return r, r.toggleBookmark()
	case key.Matches(msg, k.Outline):
		if r.doc != nil && len(r.doc.Headings) > 0 {
			r.outlineOpen = true
			r.outlineSel = r.currentHeading()
		}
	}
	return r, nil
}

// linkContext is how many lines a link chosen with tab keeps above and
// below it, room allowing.
const linkContext = 3

// moveFocus focuses the next (dir 1) or previous (dir -1) link in reading
// order and scrolls it into view. With no link chosen on screen (none yet,
// or the chosen one scrolled away), tab starts from the first link at or
// below the top of the screen, shift+tab from the last one on it.
func (r *Reader) moveFocus(dir int) tea.Cmd {
	if r.doc == nil || len(r.doc.Links) == 0 {
		return r.setStatus("this guide has no links")
	}
	n, h := len(r.doc.Links), r.bodyHeight()
	switch {
	case r.focusOnScreen():
		r.focus = (r.focus + dir + n) % n
	case dir > 0:
		r.focus = 0
		for i, l := range r.doc.Links {
			if l.Line >= r.offset {
				r.focus = i
				break
			}
		}
	default:
		r.focus = n - 1
		bottom := r.offset + h - 1
		for i := n - 1; i >= 0; i-- {
			if r.doc.Links[i].Line <= bottom {
				r.focus = i
				break
			}
		}
	}
	spot := r.doc.Links[r.focus]
	margin := max(0, min(linkContext, (h-1-(spot.EndLine-spot.Line))/2))
	if spot.Line < r.offset+margin {
		r.offset = spot.Line - margin
	} else if spot.EndLine > r.offset+h-1-margin {
		r.offset = spot.EndLine - h + 1 + margin
	}
	r.clamp()
	if l, ok := r.focusedLink(); ok {
		return r.setStatus(r.describeLink(l))
	}
	return nil
}

// focusOnScreen reports a link chosen and at least partly on screen.
func (r *Reader) focusOnScreen() bool {
	if r.doc == nil || r.focus < 0 || r.focus >= len(r.doc.Links) {
		return false
	}
	l := r.doc.Links[r.focus]
	return l.EndLine >= r.offset && l.Line < r.offset+r.bodyHeight()
}

// enter follows the chosen link when it is on screen. One scrolled out of
// sight is not followed unseen: the first link on screen is chosen instead,
// and shown, for a second enter to follow.
func (r *Reader) enter() tea.Cmd {
	if r.focus < 0 || r.focusOnScreen() {
		return r.follow()
	}
	r.focus = -1
	for i, l := range r.doc.Links {
		if l.EndLine >= r.offset && l.Line < r.offset+r.bodyHeight() {
			r.focus = i
			break
		}
	}
	if l, ok := r.focusedLink(); ok {
		return r.setStatus(r.describeLink(l))
	}
	return r.setStatus("the chosen link is off screen; tab chooses one")
}

// webLink is the chosen link when it is a web link on screen.
func (r *Reader) webLink() (guides.Link, bool) {
	l, ok := r.focusedLink()
	return l, ok && l.Kind == guides.LinkExternal && r.focusOnScreen()
}

func (r *Reader) focusedLink() (guides.Link, bool) {
	if r.doc == nil || r.focus < 0 || r.focus >= len(r.doc.Links) {
		return guides.Link{}, false
	}
	return r.doc.Page.Links()[r.doc.Links[r.focus].Link], true
}

// describeLink says where a link goes, for the status line.
func (r *Reader) describeLink(l guides.Link) string {
	switch l.Kind {
	case guides.LinkExternal:
		if !guides.IsWebURL(l.URL) {
			return "↗ " + l.URL + "  (y copies)"
		}
		return "↗ " + l.URL + "  (o opens, y copies)"
	case guides.LinkAnchor:
		if src, n, ok := guides.CitedSource(r.guide, l); ok {
			about := []string{src.Title}
			for _, f := range []string{src.Publisher, src.Kind} {
				if f != "" {
					about = append(about, f)
				}
			}
			if src.Checked != "" {
				about = append(about, "checked "+src.Checked)
			}
			return fmt.Sprintf("→ source %d: %s", n, strings.Join(about, " · "))
		}
		if h, ok := r.doc.Page.Heading(l.Anchor); ok {
			return "→ section: " + h.Text
		}
	case guides.LinkGuide:
		if g, ok := r.ctx.Lib.Guide(l.Slug); ok {
			if l.Anchor == "" {
				return "→ " + g.Title
			}
			if h, ok := g.Heading(l.Anchor); ok {
				return "→ " + g.Title + " › " + h.Text
			}
			return "→ " + g.Title
		}
	}
	return "broken link: " + l.Dest
}

// follow acts on the focused link: another guide goes to the root, a
// section scrolls here, a web link shows its address.
func (r *Reader) follow() tea.Cmd {
	l, ok := r.focusedLink()
	if !ok {
		return r.setStatus("press tab to choose a link")
	}
	switch l.Kind {
	case guides.LinkExternal:
		if !guides.IsWebURL(l.URL) {
			return r.setStatus("↗ " + l.URL + "  (not a web address; y copies it)")
		}
		return r.setStatus("↗ " + l.URL + "  (o opens it in your browser, y copies it)")
	case guides.LinkAnchor:
		to, ok := r.anchorPlace(l)
		if !ok {
			return nil
		}
		return func() tea.Msg { return jumpMsg{to} }
	}
	target, err := r.ctx.Lib.Resolve(r.guide, l.Dest)
	if err != nil {
		return r.setStatus(err.Error())
	}
	return func() tea.Msg { return followMsg{target} }
}

// linkAt finds the link under a screen cell of the text.
func (r *Reader) linkAt(line, col int) (int, bool) {
	if r.doc == nil {
		return 0, false
	}
	for i, l := range r.doc.Links {
		if line < l.Line || line > l.EndLine {
			continue
		}
		from, to := 0, 1<<30
		if line == l.Line {
			from = l.Col
		}
		if line == l.EndLine {
			to = l.EndCol
		}
		if col >= from && col < to {
			return i, true
		}
	}
	return 0, false
}

// currentHeading is the index (into doc.Headings) of the section on screen.
func (r *Reader) currentHeading() int {
	cur := 0
	for i, h := range r.doc.Headings {
		if h.Line <= r.offset {
			cur = i
		}
	}
	return cur
}

func (r Reader) updateOutline(msg tea.KeyPressMsg) Reader {
	k := r.ctx.Keys
	n := len(r.doc.Headings)
	switch {
	case key.Matches(msg, k.Up):
		r.outlineSel = max(0, r.outlineSel-1)
	case key.Matches(msg, k.Down):
		r.outlineSel = min(n-1, r.outlineSel+1)
	case key.Matches(msg, k.Top):
		r.outlineSel = 0
	case key.Matches(msg, k.Bottom):
		r.outlineSel = n - 1
	case key.Matches(msg, k.OutlineGo):
		r.offset = r.doc.Headings[r.outlineSel].Line
		r.clamp()
		r.outlineOpen = false
	case key.Matches(msg, k.OutlineClose):
		r.outlineOpen = false
	}
	return r
}

func (r Reader) updateFind(msg tea.KeyPressMsg) (Reader, tea.Cmd) {
	k := r.ctx.Keys
	switch {
	case key.Matches(msg, k.Accept):
		r.finding = false
		r.findInput.Blur()
		if len(r.hits) == 0 && r.query != "" {
			return r, r.setStatus(fmt.Sprintf("no match for %q", r.query))
		}
		return r, r.hitStatus()
	case key.Matches(msg, k.Cancel):
		// As if the prompt had not opened: the find before it, and the
		// place.
		r.finding = false
		r.findInput.Blur()
		r.query, r.words = r.findBefore.query, r.findBefore.words
		r.runFind()
		r.hit = min(r.findBefore.hit, max(0, len(r.hits)-1))
		r.offset = r.findBefore.offset
		r.clamp()
		return r, nil
	case msg.String() == "up" && r.lastQuery != "":
		r.findInput.SetValue(r.lastQuery)
		r.findInput.CursorEnd()
	}
	var cmd tea.Cmd
	r.findInput, cmd = r.findInput.Update(msg)
	if q := r.findInput.Value(); q != r.query {
		r.query = q
		r.runFind()
		r.jumpToHit(r.firstHitFrom(r.offset))
	}
	return r, cmd
}

// runFind recomputes the matches of the find query in the rendered text.
func (r *Reader) runFind() {
	r.hits, r.hitAhead = r.hits[:0], false
	if r.doc == nil || r.query == "" {
		r.hit = 0
		return
	}
	if r.words {
		r.hits = findWords(r.doc.Plain, r.query)
	} else {
		r.hits = findHits(r.doc.Plain, r.query)
	}
	r.hit = min(r.hit, max(0, len(r.hits)-1))
}

func (r *Reader) firstHitFrom(line int) int {
	for i, h := range r.hits {
		if h.line >= line {
			return i
		}
	}
	return 0
}

func (r *Reader) jumpToHit(i int) {
	if len(r.hits) == 0 {
		return
	}
	r.hit = (i%len(r.hits) + len(r.hits)) % len(r.hits)
	line := r.hits[r.hit].line
	if line < r.offset || line >= r.offset+r.bodyHeight() {
		r.offset = line - r.bodyHeight()/3
		r.clamp()
	}
}

func (r *Reader) nextHit(dir int) tea.Cmd {
	if r.query == "" {
		return r.setStatus("press / to find text in this guide")
	}
	if len(r.hits) == 0 {
		return r.setStatus(fmt.Sprintf("no match for %q", r.query))
	}
	if r.hitAhead && dir > 0 {
		r.hitAhead = false
		r.jumpToHit(r.hit)
		return r.hitStatus()
	}
	r.hitAhead = false
	from := r.hit
	r.jumpToHit(r.hit + dir)
	switch {
	case len(r.hits) > 1 && dir > 0 && r.hit < from:
		return r.setStatus(fmt.Sprintf("match %d of %d for %q: wrapped to the top", r.hit+1, len(r.hits), r.query))
	case len(r.hits) > 1 && dir < 0 && r.hit > from:
		return r.setStatus(fmt.Sprintf("match %d of %d for %q: wrapped to the bottom", r.hit+1, len(r.hits), r.query))
	}
	return r.hitStatus()
}

// clearFind ends an active find, for the first esc in a guide; ok reports
// whether there was one.
func (r *Reader) clearFind() (cmd tea.Cmd, ok bool) {
	if r.query == "" {
		return nil, false
	}
	r.lastQuery, r.query, r.words = r.query, "", false
	r.runFind()
	return r.setStatus("find cleared; esc again for the guide list"), true
}

func (r *Reader) hitStatus() tea.Cmd {
	if len(r.hits) == 0 {
		return nil
	}
	return r.setStatus(fmt.Sprintf("match %d of %d for %q  (n next, N previous)", r.hit+1, len(r.hits), r.query))
}

// cursor is where the terminal cursor goes while typing a find query.
func (r *Reader) cursor() *tea.Cursor {
	if !r.finding {
		return nil
	}
	c := r.findInput.Cursor()
	if c != nil {
		c.Y = r.ctx.Height - 1
	}
	return c
}

// percent is how far through the guide the reader is (readPercent).
func (r *Reader) percent() int {
	if r.doc == nil {
		return 100
	}
	return readPercent(state.Position{Line: r.offset, Lines: len(r.doc.Lines)}, r.bodyHeight())
}

// View draws the reader at the context's size.
func (r Reader) View() string {
	st, w := r.ctx.Styles, r.ctx.Width
	var b strings.Builder

	date := st.Dim.Render("reviewed " + r.guide.ReviewedString())
	if mark := r.ctx.stale(r.guide); mark != "" {
		date = st.Stale.Render(mark)
	}
	title := st.Header.Render(ansi.Truncate(r.guide.Title, max(1, w-ansi.StringWidth(date)-3), "…"))
	gap := max(1, w-ansi.StringWidth(title)-ansi.StringWidth(date)-1)
	b.WriteString(" " + title + strings.Repeat(" ", gap) + date + "\n")
	b.WriteString(st.Rule.Render(strings.Repeat("─", max(0, w))) + "\n")

	h := r.bodyHeight()
	body := r.bodyLines(h)
	for i := 0; i < h; i++ {
		if i < len(body) {
			b.WriteString(ansi.Truncate(body[i], w, ""))
		}
		b.WriteString("\n")
	}
	b.WriteString(r.footer())
	return b.String()
}

func (r *Reader) bodyLines(h int) []string {
	st := r.ctx.Styles
	if r.doc == nil {
		return []string{"", "  " + st.Dim.Render("Rendering "+r.guide.Title+"…")}
	}
	if r.outlineOpen {
		return r.outlineLines(h)
	}
	end := min(len(r.doc.Lines), r.offset+h)
	out := make([]string, 0, h)
	for i := r.offset; i < end; i++ {
		line := r.doc.Lines[i]
		for hi, hit := range r.hits {
			for _, p := range hit.parts {
				if p.line == i {
					style := st.FindHit
					if hi == r.hit {
						style = st.FindCurrent
					}
					line = highlight(line, p.from, p.to, style)
				}
			}
		}
		if r.focus >= 0 && r.focus < len(r.doc.Links) {
			l := r.doc.Links[r.focus]
			if i >= l.Line && i <= l.EndLine {
				from, to := 0, ansi.StringWidth(line)
				if i == l.Line {
					from = l.Col
				}
				if i == l.EndLine {
					to = l.EndCol
				}
				if i != l.Line {
					from = leadingSpaces(r.doc.Plain[i])
				}
				line = highlight(line, from, to, st.LinkFocus)
			}
		}
		out = append(out, line)
	}
	return out
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

func (r *Reader) outlineLines(h int) []string {
	st := r.ctx.Styles
	out := []string{"  " + st.Title.Render("Outline") + st.Dim.Render("  (enter jumps, esc closes)"), ""}
	rows := h - len(out)
	first := max(0, min(r.outlineSel-rows/2, len(r.doc.Headings)-rows))
	for i := first; i < len(r.doc.Headings) && len(out) < h; i++ {
		hd := r.doc.Page.Headings()[r.doc.Headings[i].Heading]
		text := strings.Repeat("  ", max(0, hd.Level-2)) + hd.Text
		if i == r.outlineSel {
			out = append(out, "  "+st.Selected.Render("› "+text))
		} else {
			out = append(out, "    "+text)
		}
	}
	return out
}

func (r *Reader) footer() string {
	st, w := r.ctx.Styles, r.ctx.Width
	if r.finding {
		return ansi.Truncate(r.findInput.View(), w, "")
	}
	pos := st.Dim.Render(fmt.Sprintf(" %3d%% ", r.percent()))
	var right string
	if r.status != "" {
		right = st.Status.Render(r.status)
	} else {
		hs, keep := r.shortHelp()
		right = hints(r.ctx, w-ansi.StringWidth(pos)-1, hs, keep)
	}
	return ansi.Truncate(pos+" "+right, w, "…")
}

// shortHelp is the footer's hints (only keys that can act now), most
// useful first, and the keys it always shows.
func (r *Reader) shortHelp() (hs, keep []key.Binding) {
	k := r.ctx.Keys
	if r.outlineOpen {
		return []key.Binding{k.OutlineGo, k.Up, k.Down}, []key.Binding{k.OutlineClose, k.Help, k.Quit}
	}
	hasLinks := r.doc != nil && len(r.doc.Links) > 0
	l, web := r.webLink()
	return []key.Binding{
		enabled(k.OpenURL, web && guides.IsWebURL(l.URL)),
		enabled(k.CopyURL, web),
		enabled(k.NextLink, hasLinks),
		enabled(k.Follow, r.focusOnScreen() && !web),
		k.Back, k.Find, k.Outline,
	}, []key.Binding{k.Help, k.Quit}
}

// fullHelp groups every reader key for the help screen.
func (r *Reader) fullHelp(canBack, canForward bool) [][]key.Binding {
	k := r.ctx.Keys
	if r.outlineOpen {
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.OutlineGo, k.OutlineClose, k.Quit}}
	}
	hasLinks := r.doc != nil && len(r.doc.Links) > 0
	_, ok := r.focusedLink()
	l, web := r.webLink()
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{enabled(k.NextLink, hasLinks), enabled(k.PrevLink, hasLinks), enabled(k.Follow, ok),
			enabled(k.OpenURL, web && guides.IsWebURL(l.URL)), enabled(k.CopyURL, web), k.Back, enabled(k.Forward, canForward)},
		{k.Find, enabled(k.FindNext, len(r.hits) > 0), enabled(k.FindPrev, len(r.hits) > 0), k.Outline, k.SearchAll,
			k.Finder, k.CRS, k.Bookmark, k.Bookmarks, k.ToList, k.Quit},
	}
}
