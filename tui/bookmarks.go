package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/tui/state"
)

// BookmarkList lists the reader's bookmarks; enter opens one, x removes it.
type BookmarkList struct {
	ctx *Context
	sel int
	top int // first bookmark shown, kept so a click lands where it points
}

// Each bookmark takes two lines, below a two-line header.
const (
	bookmarkHeight = 2
	bookmarksTop   = 2
)

// rows is how many bookmarks fit.
func (b *BookmarkList) rows() int { return max(1, (b.ctx.Height-3)/bookmarkHeight) }

// visibleTop is the first bookmark shown: the last one shown, moved the
// least that keeps the selection in view.
func (b *BookmarkList) visibleTop(n int) int {
	top := min(b.top, b.sel)
	if b.sel >= top+b.rows() {
		top = b.sel - b.rows() + 1
	}
	return max(0, min(top, n-b.rows()))
}

func newBookmarks(ctx *Context) BookmarkList { return BookmarkList{ctx: ctx} }

// shown is the bookmarks of guides in the library; the store keeps the
// others for when their folder comes back.
func (b *BookmarkList) shown() []state.Bookmark {
	var out []state.Bookmark
	for _, bm := range b.ctx.Store.Bookmarks() {
		if _, ok := b.ctx.Lib.Guide(bm.Slug); ok {
			out = append(out, bm)
		}
	}
	return out
}

// Update moves through the bookmarks, opens or removes one; a click
// selects one, and a click on the selected one opens it.
func (b BookmarkList) Update(msg tea.Msg) (BookmarkList, tea.Cmd) {
	list := b.shown()
	b, cmd := b.update(msg, list)
	b.top = b.visibleTop(len(list))
	return b, cmd
}

func (b BookmarkList) update(msg tea.Msg, list []state.Bookmark) (BookmarkList, tea.Cmd) {
	open := func() tea.Cmd {
		bm := list[b.sel]
		return func() tea.Msg { return openGuideMsg{slug: bm.Slug, anchor: bm.Anchor} }
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			b.sel = max(0, b.sel-1)
		case tea.MouseWheelDown:
			b.sel = max(0, min(len(list)-1, b.sel+1))
		}
		return b, nil
	case tea.MouseClickMsg:
		i := b.top + (msg.Y-bookmarksTop)/bookmarkHeight
		if msg.Button != tea.MouseLeft || msg.Y < bookmarksTop || msg.Y >= b.ctx.Height-1 || i >= len(list) {
			return b, nil
		}
		if i == b.sel {
			return b, open()
		}
		b.sel = i
		return b, nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return b, nil
	}
	k := b.ctx.Keys
	switch {
	case key.Matches(km, k.Down):
		b.sel = min(len(list)-1, b.sel+1)
	case key.Matches(km, k.Up):
		b.sel = max(0, b.sel-1)
	case key.Matches(km, k.Open):
		if b.sel < len(list) {
			return b, open()
		}
	case key.Matches(km, k.Remove):
		if b.sel < len(list) {
			b.ctx.Store.RemoveBookmark(list[b.sel].Slug, list[b.sel].Anchor)
			b.sel = max(0, min(b.sel, len(list)-2))
			return b, b.ctx.saveCmd()
		}
	}
	b.sel = max(0, b.sel)
	return b, nil
}

// View draws the list of bookmarks.
func (b BookmarkList) View() string {
	st, w := b.ctx.Styles, b.ctx.Width
	lines := []string{" " + st.Header.Render("Bookmarks"), st.Rule.Render(strings.Repeat("─", w))}
	list := b.shown()
	if len(list) == 0 {
		lines = append(lines, "", "  "+st.Dim.Render("No bookmarks yet. In a guide, m bookmarks the section you are reading."))
	}
	rows, top := b.rows(), b.visibleTop(len(list))
	for i := top; i < len(list) && i < top+rows; i++ {
		bm := list[i]
		g, _ := b.ctx.Lib.Guide(bm.Slug)
		where := sectionTitle(g, bm.Anchor, bm.Heading)
		when := st.Dim.Render("  " + bm.Created.Local().Format("2006-01-02"))
		if i == b.sel {
			lines = append(lines, " "+st.Selected.Render("▌ "+ansi.Truncate(where, w-16, "…"))+when, "")
		} else {
			lines = append(lines, "   "+ansi.Truncate(where, w-16, "…")+when, "")
		}
	}
	for len(lines) < b.ctx.Height-1 {
		lines = append(lines, "")
	}
	lines = lines[:b.ctx.Height-1]
	hs, keep := b.shortHelp()
	return clip(strings.Join(append(lines, " "+hints(b.ctx, w-1, hs, keep)), "\n"), w, b.ctx.Height)
}

// sectionTitle is "Guide › Heading", the heading read from the guide when
// it still has that anchor.
func sectionTitle(g *guides.Guide, anchor, saved string) string {
	if anchor == "" {
		return g.Title
	}
	if h, ok := g.Heading(anchor); ok {
		return g.Title + " › " + h.Text
	}
	if saved != "" {
		return g.Title + " › " + guides.SanitizeLine(saved)
	}
	return g.Title
}

func (b *BookmarkList) shortHelp() (hs, keep []key.Binding) {
	k := b.ctx.Keys
	has := len(b.shown()) > 0
	return []key.Binding{enabled(k.Open, has), enabled(k.Remove, has)}, []key.Binding{k.Cancel, k.Help, k.Quit}
}

func (b *BookmarkList) fullHelp() [][]key.Binding {
	k := b.ctx.Keys
	has := len(b.shown()) > 0
	return [][]key.Binding{{k.Up, k.Down, enabled(k.Open, has), enabled(k.Remove, has), k.Cancel, k.Quit}}
}
