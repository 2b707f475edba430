package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
)

// Browse is the guide list, recently read guides first, with a live preview
// on wide terminals.
type Browse struct {
	ctx *Context
	sel int // index into rows(); always a guide row
	top int // first visible row
	// previewTop is the first line of the selected guide's preview shown;
	// the wheel over the preview scrolls it.
	previewTop int
}

// row is one entry of the list: a guide, or a group label.
type row struct {
	g     *guides.Guide
	label string
}

// wideWidth is the width from which the list and a preview sit side by side.
const wideWidth = 100

// A row takes three lines (title and date, summary, gap), or four when its
// title takes two.
const itemHeight = 3

// recentShown is how many recently read guides head the list.
const recentShown = 5

func newBrowse(ctx *Context) Browse {
	b := Browse{ctx: ctx}
	b.sel = b.firstGuideRow()
	return b
}

// rows is the list as shown: a "Recent" group when there is reading
// history, then "Other guides": the rest, in library order.
func (b *Browse) rows() []row {
	all := b.ctx.Lib.Guides()
	var recent []*guides.Guide
	for _, slug := range b.ctx.Store.Recent(recentShown) {
		if g, ok := b.ctx.Lib.Guide(slug); ok {
			recent = append(recent, g)
		}
	}
	if len(recent) == 0 {
		rows := make([]row, len(all))
		for i, g := range all {
			rows[i] = row{g: g}
		}
		return rows
	}
	rows := make([]row, 0, len(all)+2)
	rows = append(rows, row{label: "Recent"})
	for _, g := range recent {
		rows = append(rows, row{g: g})
	}
	rows = append(rows, row{label: "Other guides"})
	for _, g := range all {
		if !slices.Contains(recent, g) {
			rows = append(rows, row{g: g})
		}
	}
	return rows
}

func (b *Browse) firstGuideRow() int {
	for i, r := range b.rows() {
		if r.g != nil {
			return i
		}
	}
	return 0
}

// Selected returns the guide under the cursor.
func (b *Browse) Selected() (*guides.Guide, bool) {
	rows := b.rows()
	if b.sel < 0 || b.sel >= len(rows) || rows[b.sel].g == nil {
		return nil, false
	}
	return rows[b.sel].g, true
}

// selectSlug moves the cursor to a guide.
func (b *Browse) selectSlug(slug string) {
	for i, r := range b.rows() {
		if r.g != nil && r.g.Slug == slug {
			if i != b.sel {
				b.previewTop = 0
			}
			b.sel = i
			b.scrollToSel()
			return
		}
	}
}

// refresh keeps the cursor on the same guide after the rows change (a
// guide read moves into the Recent group).
func (b *Browse) refresh(slug string) {
	b.sel = b.firstGuideRow()
	b.selectSlug(slug)
}

func (b *Browse) wide() bool { return b.ctx.Width >= wideWidth }

func (b *Browse) listWidth() int {
	if b.wide() {
		return min(60, b.ctx.Width*9/20)
	}
	return b.ctx.Width
}

func (b *Browse) hasOffer() bool { _, ok := b.offer(); return ok }

// offer is the guide c continues: the last one read, this session or
// before, for as long as the browser runs.
func (b *Browse) offer() (*guides.Guide, bool) {
	if slug, ok := b.ctx.Store.LastRead(); ok {
		return b.ctx.Lib.Guide(slug)
	}
	return nil, false
}

func (b *Browse) previewWidth() int { return b.ctx.renderWidth(b.ctx.Width - b.listWidth() - 2) }

// listHeight is the rows for items: below a two-line header, above the footer.
func (b *Browse) listHeight() int { return max(1, b.ctx.Height-3) }

// visibleItems is about how many rows fit, for paging.
func (b *Browse) visibleItems() int { return max(1, b.listHeight()/itemHeight) }

// rowHeight is the lines row i takes.
func (b *Browse) rowHeight(rows []row, i int) int {
	if rows[i].g == nil {
		return itemHeight
	}
	return len(b.titleLines(rows[i].g, b.listWidth())) + itemHeight - 1
}

// scrollToSel scrolls the least that shows the selected row whole, and
// never past the point where the last row reaches the bottom.
func (b *Browse) scrollToSel() {
	rows, h := b.rows(), b.listHeight()
	if b.sel < b.top {
		b.top = b.sel
		if b.top > 0 && rows[b.top-1].g == nil {
			b.top-- // show the group label above its first guide
		}
	}
	used := 0
	for i := b.top; i <= b.sel && i < len(rows); i++ {
		used += b.rowHeight(rows, i)
	}
	for b.top < b.sel && used > h {
		used -= b.rowHeight(rows, b.top)
		b.top++
	}
	last, used := len(rows), 0
	for last > 0 && used+b.rowHeight(rows, last-1) <= h {
		last--
		used += b.rowHeight(rows, last)
	}
	b.top = max(0, min(b.top, last))
}

// rowAt is the row drawn at line y of the screen, if any.
func (b *Browse) rowAt(y int) (int, bool) {
	rows := b.rows()
	line := 2 // below the header
	for i := b.top; i < len(rows) && line <= y; i++ {
		h := b.rowHeight(rows, i)
		if y < line+h {
			return i, true
		}
		line += h
	}
	return 0, false
}

// move steps the cursor by d guides, skipping group labels.
func (b *Browse) move(d int) tea.Cmd {
	rows := b.rows()
	target := max(0, min(len(rows)-1, b.sel+d))
	step := 1
	if d < 0 {
		step = -1
	}
	for target >= 0 && target < len(rows) && rows[target].g == nil {
		target += step
	}
	if target < 0 || target >= len(rows) {
		target = b.sel
	}
	if target != b.sel {
		b.previewTop = 0
	}
	b.sel = target
	b.scrollToSel()
	return b.preview()
}

// preview asks for a rendering of the selected guide for the preview pane.
func (b *Browse) preview() tea.Cmd {
	g, ok := b.Selected()
	if !ok || !b.wide() {
		return nil
	}
	if _, ok := b.ctx.cachedPreview(g.Slug, b.previewWidth()); ok {
		return nil
	}
	return b.ctx.previewCmd(g, b.previewWidth())
}

// openGuideMsg asks the root to open a guide in the reader.
type openGuideMsg struct {
	slug   string
	anchor string
	resume bool   // at the position it was left
	find   string // a search's query, to find in the guide (carryFind)
}

// Update moves the selection; enter opens the guide.
func (b Browse) Update(msg tea.Msg) (Browse, tea.Cmd) {
	n := len(b.rows())
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := b.ctx.Keys
		switch {
		case key.Matches(msg, k.Down):
			return b, b.move(1)
		case key.Matches(msg, k.Up):
			return b, b.move(-1)
		case key.Matches(msg, k.PageDown):
			return b, b.move(b.visibleItems())
		case key.Matches(msg, k.PageUp):
			return b, b.move(-b.visibleItems())
		case key.Matches(msg, k.HalfDown):
			return b, b.move(b.visibleItems() / 2)
		case key.Matches(msg, k.HalfUp):
			return b, b.move(-b.visibleItems() / 2)
		case key.Matches(msg, k.Top):
			return b, b.move(-n)
		case key.Matches(msg, k.Bottom):
			return b, b.move(n)
		case key.Matches(msg, k.Open):
			if g, ok := b.Selected(); ok {
				return b, func() tea.Msg { return openGuideMsg{slug: g.Slug, resume: true} }
			}
		case key.Matches(msg, k.Continue):
			if g, ok := b.offer(); ok {
				return b, func() tea.Msg { return openGuideMsg{slug: g.Slug, resume: true} }
			}
		}
	case tea.MouseWheelMsg:
		d := 0
		switch msg.Button {
		case tea.MouseWheelUp:
			d = -1
		case tea.MouseWheelDown:
			d = 1
		}
		if b.wide() && msg.X > b.listWidth() {
			b.scrollPreview(3 * d)
			return b, nil
		}
		return b, b.move(d)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft && msg.X < b.listWidth() && msg.Y < b.ctx.Height-1 {
			i, ok := b.rowAt(msg.Y)
			if rows := b.rows(); ok && rows[i].g != nil {
				if i == b.sel {
					g := rows[i].g
					return b, func() tea.Msg { return openGuideMsg{slug: g.Slug, resume: true} }
				}
				b.sel, b.previewTop = i, 0
				return b, b.preview()
			}
		}
	}
	return b, nil
}

// View draws the list, and the preview beside it when wide.
func (b Browse) View() string {
	st := b.ctx.Styles
	lw := b.listWidth()
	rows := b.rows()

	lines := make([]string, 0, b.ctx.Height)
	head := " " + st.Header.Render("pathways") + st.Dim.Render(fmt.Sprintf("  %d guides", len(b.ctx.Lib.Guides())))
	lines = append(lines, ansi.Truncate(head, lw, "…"), st.Rule.Render(strings.Repeat("─", lw)))
	for i := b.top; i < len(rows) && len(lines) < b.ctx.Height-1; i++ {
		lines = append(lines, b.rowLines(rows[i], i == b.sel, lw)...)
	}
	for len(lines) < b.ctx.Height-1 {
		lines = append(lines, "")
	}
	lines = lines[:b.ctx.Height-1]

	if b.wide() {
		pw := b.ctx.Width - lw - 1
		preview := b.previewLines(b.ctx.Height - 1)
		for i := range lines {
			left := lines[i] + strings.Repeat(" ", max(0, lw-ansi.StringWidth(lines[i])))
			right := ""
			if i < len(preview) {
				right = ansi.Truncate(preview[i], pw, "")
			}
			lines[i] = ansi.Truncate(left, lw, "") + st.Rule.Render("│") + right
		}
	}
	return strings.Join(append(lines, b.footer()), "\n")
}

// titleLines is a guide's title as the list shows it: whole on the first
// line beside the date, or over two lines when it does not fit there.
func (b *Browse) titleLines(g *guides.Guide, lw int) []string {
	titleW := max(1, lw-len(g.ReviewedString())-5)
	if ansi.StringWidth(g.Title) <= titleW {
		return []string{g.Title}
	}
	wrapped := strings.Split(ansi.Wrap(g.Title, titleW, ""), "\n")
	rest := strings.Join(wrapped[1:], " ")
	return []string{wrapped[0], ansi.Truncate(rest, max(1, lw-4), "…")}
}

// rowLines draws one row: its title (one or two lines), summary and a gap.
func (b *Browse) rowLines(r row, selected bool, lw int) []string {
	st := b.ctx.Styles
	if r.g == nil {
		return []string{"", " " + st.Dim.Render(r.label), ""}
	}
	g := r.g
	date := g.ReviewedString()
	title := b.titleLines(g, lw)
	pad := strings.Repeat(" ", max(1, lw-ansi.StringWidth(title[0])-len(date)-4))
	summary := g.Summary
	summaryStyle, dateStyle := st.Dim, st.Dim
	if selected {
		summaryStyle, dateStyle = st.SelectedDim, st.SelectedDim
	}
	if mark := b.ctx.stale(g); mark != "" {
		summary = mark
		summaryStyle, dateStyle = st.Stale, st.Stale
	}
	summary = ansi.Truncate(summary, max(1, lw-4), "…")
	mark, titleStyle := "   ", st.Title
	if selected {
		mark, titleStyle = " "+st.Selected.Render("▌ "), st.Selected
	}
	out := []string{mark + titleStyle.Render(title[0]) + pad + dateStyle.Render(date)}
	for _, l := range title[1:] {
		out = append(out, mark+titleStyle.Render(l))
	}
	return append(out, mark+summaryStyle.Render(summary), "")
}

// footer is the list's last line: the cursor's position, the offer to
// continue reading, and the key hints.
func (b *Browse) footer() string {
	st, w := b.ctx.Styles, b.ctx.Width
	pos := st.Dim.Render(b.position())
	w -= ansi.StringWidth(pos)
	hs, keep := b.shortHelp()
	if g, ok := b.offer(); ok {
		pct := ""
		if p, ok := b.ctx.Store.Position(g.Slug); ok && p.Line > 0 && p.Lines > 0 {
			pct = fmt.Sprintf(" (%d%%)", readPercent(p, b.ctx.readerHeight()))
		}
		// The offer gives way to help and quit, the other hints to the offer.
		room := w - 3 - ansi.StringWidth(hints(b.ctx, w-1, nil, keep))
		offer := st.Status.Render(ansi.Truncate("c continues "+g.Title+pct, max(0, room), "…"))
		h := hints(b.ctx, w-3-ansi.StringWidth(offer), hs, keep)
		return ansi.Truncate(pos+" "+offer+"  "+h, b.ctx.Width, "…")
	}
	return ansi.Truncate(pos+" "+hints(b.ctx, w-1, hs, keep), b.ctx.Width, "…")
}

// position is " 3/18 ": the selected guide's place in the list as shown.
func (b *Browse) position() string {
	n, at := 0, 0
	for i, r := range b.rows() {
		if r.g != nil {
			n++
			if i == b.sel {
				at = n
			}
		}
	}
	if at == 0 {
		return ""
	}
	return fmt.Sprintf(" %d/%d ", at, n)
}

func (b *Browse) previewLines(h int) []string {
	g, ok := b.Selected()
	if !ok {
		return nil
	}
	st := b.ctx.Styles
	sub := st.Dim.Render("reviewed " + g.ReviewedString())
	if mark := b.ctx.stale(g); mark != "" {
		sub = st.Stale.Render(mark)
	}
	head := []string{" " + st.Title.Render(g.Title), " " + sub, ""} // previewHead lines
	doc, ok := b.ctx.cachedPreview(g.Slug, b.previewWidth())
	if !ok {
		return append(head, "  "+st.Dim.Render("Rendering…"))
	}
	from := min(b.previewTop, len(doc.Lines))
	return append(head, doc.Lines[from:min(from+max(0, h-len(head)), len(doc.Lines))]...)
}

// previewHead is the lines above the guide in the preview.
const previewHead = 3

// scrollPreview scrolls the preview by n lines, keeping it full.
func (b *Browse) scrollPreview(n int) {
	g, ok := b.Selected()
	if !ok {
		return
	}
	doc, ok := b.ctx.cachedPreview(g.Slug, b.previewWidth())
	if !ok {
		return
	}
	last := max(0, len(doc.Lines)-(b.ctx.Height-1-previewHead))
	b.previewTop = max(0, min(b.previewTop+n, last))
}

// shortHelp is the footer's hints, most useful first, and the keys it
// always shows.
func (b *Browse) shortHelp() (hs, keep []key.Binding) {
	k := b.ctx.Keys
	return []key.Binding{k.Open, k.Search, k.Finder, k.CRS, k.Bookmarks}, []key.Binding{k.Help, k.Quit}
}

func (b *Browse) fullHelp() [][]key.Binding {
	k := b.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Open, k.Search, k.Finder, k.CRS, k.Bookmarks, enabled(k.Continue, b.hasOffer()), k.Help, k.Quit, k.ForceQuit},
	}
}
