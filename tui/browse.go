package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
)

// Browse is the guide list, with a live preview on wide terminals.
type Browse struct {
	ctx *Context
	sel int
	top int // first visible item
}

// wideWidth is the width from which the list and a preview sit side by side.
const wideWidth = 100

// Each list item takes three lines: title and date, summary, gap.
const itemHeight = 3

func newBrowse(ctx *Context) Browse { return Browse{ctx: ctx} }

func (b *Browse) guides() []*guides.Guide { return b.ctx.Lib.Guides() }

// Selected returns the guide under the cursor.
func (b *Browse) Selected() (*guides.Guide, bool) {
	gs := b.guides()
	if b.sel < 0 || b.sel >= len(gs) {
		return nil, false
	}
	return gs[b.sel], true
}

// selectSlug moves the cursor to a guide.
func (b *Browse) selectSlug(slug string) {
	for i, g := range b.guides() {
		if g.Slug == slug {
			b.sel = i
			b.scrollToSel()
		}
	}
}

func (b *Browse) wide() bool { return b.ctx.Width >= wideWidth }

func (b *Browse) listWidth() int {
	if b.wide() {
		return min(60, b.ctx.Width*9/20)
	}
	return b.ctx.Width
}

func (b *Browse) previewWidth() int { return renderWidth(b.ctx.Width - b.listWidth() - 2) }

// listHeight is the rows for items: below a two-line header, above the footer.
func (b *Browse) listHeight() int { return max(1, b.ctx.Height-3) }

func (b *Browse) visibleItems() int { return max(1, b.listHeight()/itemHeight) }

func (b *Browse) scrollToSel() {
	n := b.visibleItems()
	if b.sel < b.top {
		b.top = b.sel
	} else if b.sel >= b.top+n {
		b.top = b.sel - n + 1
	}
	b.top = max(0, min(b.top, len(b.guides())-n))
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
}

// Update moves the selection; enter opens the guide.
func (b Browse) Update(msg tea.Msg) (Browse, tea.Cmd) {
	n := len(b.guides())
	move := func(d int) tea.Cmd {
		b.sel = max(0, min(n-1, b.sel+d))
		b.scrollToSel()
		return b.preview()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := b.ctx.Keys
		switch {
		case key.Matches(msg, k.Down):
			return b, move(1)
		case key.Matches(msg, k.Up):
			return b, move(-1)
		case key.Matches(msg, k.PageDown):
			return b, move(b.visibleItems())
		case key.Matches(msg, k.PageUp):
			return b, move(-b.visibleItems())
		case key.Matches(msg, k.HalfDown):
			return b, move(b.visibleItems() / 2)
		case key.Matches(msg, k.HalfUp):
			return b, move(-b.visibleItems() / 2)
		case key.Matches(msg, k.Top):
			return b, move(-n)
		case key.Matches(msg, k.Bottom):
			return b, move(n)
		case key.Matches(msg, k.Open):
			if g, ok := b.Selected(); ok {
				return b, func() tea.Msg { return openGuideMsg{slug: g.Slug} }
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return b, move(-1)
		case tea.MouseWheelDown:
			return b, move(1)
		}
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft && msg.X < b.listWidth() && msg.Y >= 2 {
			i := b.top + (msg.Y-2)/itemHeight
			if i >= 0 && i < n {
				if i == b.sel {
					g := b.guides()[i]
					return b, func() tea.Msg { return openGuideMsg{slug: g.Slug} }
				}
				b.sel = i
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
	gs := b.guides()

	lines := make([]string, 0, b.ctx.Height)
	head := " " + st.Header.Render("pathways") + st.Dim.Render(fmt.Sprintf("  %d guides", len(gs)))
	lines = append(lines, ansi.Truncate(head, lw, "…"), st.Rule.Render(strings.Repeat("─", lw)))
	end := min(len(gs), b.top+b.visibleItems())
	for i := b.top; i < end; i++ {
		g := gs[i]
		date := g.ReviewedString()
		titleW := max(1, lw-len(date)-5)
		title := ansi.Truncate(g.Title, titleW, "…")
		pad := strings.Repeat(" ", max(1, lw-ansi.StringWidth(title)-len(date)-4))
		summary := ansi.Truncate(g.Summary, max(1, lw-4), "…")
		if i == b.sel {
			lines = append(lines, " "+st.Selected.Render("▌ "+title)+pad+st.SelectedDim.Render(date),
				" "+st.Selected.Render("▌ ")+st.SelectedDim.Render(summary), "")
		} else {
			lines = append(lines, "   "+st.Title.Render(title)+pad+st.Dim.Render(date),
				"   "+st.Dim.Render(summary), "")
		}
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
	hm := helpModel(b.ctx, b.ctx.Width-1)
	lines = append(lines, " "+hm.ShortHelpView(b.shortHelp()))
	return strings.Join(lines, "\n")
}

func (b *Browse) previewLines(h int) []string {
	g, ok := b.Selected()
	if !ok {
		return nil
	}
	st := b.ctx.Styles
	head := []string{" " + st.Title.Render(g.Title), " " + st.Dim.Render("reviewed "+g.ReviewedString()), ""}
	doc, ok := b.ctx.cachedPreview(g.Slug, b.previewWidth())
	if !ok {
		return append(head, "  "+st.Dim.Render("Rendering…"))
	}
	return append(head, doc.Lines[:min(max(0, h-len(head)), len(doc.Lines))]...)
}

func (b *Browse) shortHelp() []key.Binding {
	k := b.ctx.Keys
	return []key.Binding{k.Open, k.Search, k.Down, k.Up, k.Help, k.Quit}
}

func (b *Browse) fullHelp() [][]key.Binding {
	k := b.ctx.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Open, k.Search, k.Help, k.Quit, k.ForceQuit},
	}
}
