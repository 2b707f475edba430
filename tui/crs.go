package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides/crs"
)

// crsDoneMsg asks the root to leave the calculator for where the reader was.
type crsDoneMsg struct{}

// CRS is the Express Entry score calculator: its questions (a huh form),
// then the score factor by factor; enter on a line opens the guide section
// that explains it.
type CRS struct {
	ctx  *Context
	keys finderKeyMap
	vals *crsValues
	form *huh.Form
	grid *crs.Grid
	err  error // the grid could not be read (a build error; shown, not fatal)

	// report is nil while the form is showing.
	report []crs.Line
	sel    int // index into links()
	offset int // first report line shown
}

func newCRS(ctx *Context) CRS {
	return CRS{ctx: ctx, keys: defaultFinderKeyMap(), vals: newCRSValues()}
}

// open shows the calculator: the last score if there is one, otherwise the
// questions, keeping any answers already given.
func (c *CRS) open() tea.Cmd {
	if c.report != nil {
		return nil
	}
	ctx := c.ctx
	c.form = crsForm(c.vals, func() (string, Styles) { return ctx.Style, ctx.Styles })
	c.form.WithShowHelp(false)
	c.resized()
	return c.form.Init()
}

// resized fits the form to the terminal.
func (c *CRS) resized() {
	if c.form == nil {
		return
	}
	c.form.Update(tea.WindowSizeMsg{Width: max(20, c.ctx.Width-2), Height: max(3, c.bodyHeight()-2)})
	c.scrollToSel()
}

// typing reports whether keys belong to the form.
func (c *CRS) typing() bool { return c.report == nil }

func crsDone() tea.Msg { return crsDoneMsg{} }

// Update runs the form, then moves through the score's lines.
func (c CRS) Update(msg tea.Msg) (CRS, tea.Cmd) {
	if _, ok := msg.(cursor.BlinkMsg); ok {
		return c, nil
	}
	if c.report == nil {
		if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, c.keys.Close) {
			return c, crsDone
		}
		m, cmd := c.form.Update(msg)
		if form, ok := m.(*huh.Form); ok {
			c.form = form
		}
		switch c.form.State {
		case huh.StateCompleted:
			c.score()
			return c, nil
		case huh.StateAborted:
			return c, crsDone
		}
		return c, cmd
	}
	links := c.links()
	move := func(d int) {
		c.sel = max(0, min(len(links)-1, c.sel+d))
		c.scrollToSel()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := c.ctx.Keys
		switch {
		case key.Matches(msg, c.keys.Close):
			return c, crsDone
		case key.Matches(msg, c.keys.Edit):
			c.report = nil
			return c, c.open()
		case key.Matches(msg, k.Down):
			move(1)
		case key.Matches(msg, k.Up):
			move(-1)
		case key.Matches(msg, k.Top):
			move(-len(links))
		case key.Matches(msg, k.Bottom):
			move(len(links))
		case key.Matches(msg, k.Open):
			if c.sel < len(links) {
				l := c.report[links[c.sel]]
				return c, func() tea.Msg { return openGuideMsg{slug: l.Guide, anchor: l.Anchor} }
			}
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			move(-1)
		case tea.MouseWheelDown:
			move(1)
		}
	}
	return c, nil
}

// score computes the result of the answers and lays out its report.
func (c *CRS) score() {
	if c.grid == nil {
		c.grid, c.err = crs.LoadGrid()
	}
	c.sel, c.offset = 0, 0
	if c.err != nil {
		c.report = []crs.Line{{Text: "The CRS grid could not be read: " + c.err.Error()}}
		return
	}
	p := c.vals.profile()
	if err := p.Check(); err != nil {
		c.report = []crs.Line{{Text: "Some answers could not be read: " + err.Error()}}
		return
	}
	c.report = c.grid.Report(c.grid.Score(p))
}

// links are the indexes of the report lines that open a guide section.
func (c *CRS) links() []int {
	var out []int
	for i, l := range c.report {
		if l.Anchor != "" {
			out = append(out, i)
		}
	}
	return out
}

const (
	crsHeader = 3
	crsFooter = 1
)

func (c *CRS) bodyHeight() int { return max(1, c.ctx.Height-crsHeader-crsFooter) }

// scrollToSel keeps the selected line in view.
func (c *CRS) scrollToSel() {
	links := c.links()
	if c.report == nil || c.sel >= len(links) {
		return
	}
	line, h := links[c.sel], c.bodyHeight()
	switch {
	case c.sel == 0:
		c.offset = 0
	case line < c.offset:
		c.offset = line
	case line >= c.offset+h:
		c.offset = line - h + 1
	}
}

// View draws the form or the score under the calculator's header.
func (c CRS) View() string {
	st, w := c.ctx.Styles, c.ctx.Width
	title := st.Header.Render("CRS calculator")
	note := st.Dim.Render("an estimate from the published grid, not a decision")
	gap := max(1, w-ansi.StringWidth(title)-ansi.StringWidth(note)-2)
	out := []string{ansi.Truncate(" "+title+strings.Repeat(" ", gap)+note, w, ""), st.Rule.Render(strings.Repeat("─", max(0, w))), ""}
	var body []string
	if c.report == nil {
		for _, l := range strings.Split(c.form.View(), "\n") {
			body = append(body, " "+l)
		}
	} else {
		selected := -1
		if links := c.links(); c.sel < len(links) {
			selected = links[c.sel]
		}
		for i, l := range c.report[min(c.offset, len(c.report)):] {
			text := " " + l.Text
			switch {
			case c.offset+i == selected:
				text = st.Selected.Render("▌" + l.Text)
			case i == 0 && c.offset == 0:
				text = " " + st.Title.Render(l.Text)
			}
			body = append(body, text)
		}
	}
	for i := 0; i < c.bodyHeight(); i++ {
		line := ""
		if i < len(body) {
			line = ansi.Truncate(body[i], w, "…")
		}
		out = append(out, line)
	}
	pos := ""
	if c.report != nil {
		if links := c.links(); len(links) > 0 {
			pos = st.Dim.Render(fmt.Sprintf(" %d/%d ", c.sel+1, len(links)))
		}
	}
	hs, keep := c.shortHelp()
	footer := pos + " " + hints(c.ctx, w-1-ansi.StringWidth(pos), hs, keep)
	return strings.Join(append(out, ansi.Truncate(footer, w, "")), "\n")
}

// shortHelp is the footer's hints, most useful first, and the keys it
// always shows: in the form, how to leave it; on the report, help and quit.
func (c *CRS) shortHelp() (hs, keep []key.Binding) {
	if c.report == nil {
		return c.form.KeyBinds(), []key.Binding{c.keys.Close}
	}
	k := c.ctx.Keys
	has := len(c.links()) > 0
	return []key.Binding{enabled(k.Open, has), enabled(k.Down, has), enabled(k.Up, has), c.keys.Edit},
		[]key.Binding{c.keys.Close, k.Help, k.Quit}
}

// fullHelp groups the calculator's keys for the help screen.
func (c *CRS) fullHelp() [][]key.Binding {
	if c.report == nil {
		return [][]key.Binding{append(c.form.KeyBinds(), c.keys.Close, c.ctx.Keys.ForceQuit)}
	}
	k := c.ctx.Keys
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, c.keys.Edit, c.keys.Close, k.Help, k.Quit, k.ForceQuit}}
}
