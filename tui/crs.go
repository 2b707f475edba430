package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"pathways/guides/crs"
)

// crsDoneMsg asks the root to leave the calculator for where the reader was.
type crsDoneMsg struct{}

// CRS is the Express Entry score calculator: its questions (a huh form),
// then the score factor by factor; enter on a line opens the guide section
// that explains it.
type CRS struct {
	askList[[]crs.Line] // the result is the score's report
	vals                *crsValues
	grid                *crs.Grid
	err                 error // the grid could not be read (a build error; shown, not fatal)
}

func newCRS(ctx *Context) CRS {
	return CRS{askList: newAskList[[]crs.Line](ctx, crsDoneMsg{}), vals: newCRSValues()}
}

func (c *CRS) newForm() *huh.Form {
	ctx := c.ctx
	return crsForm(c.vals, func() (string, Styles) { return ctx.Style, ctx.Styles }).WithShowHelp(false)
}

// open shows the calculator: the last score if there is one, otherwise the
// questions, keeping any answers already given.
func (c *CRS) open() tea.Cmd { return c.start(c) }

// resized fits the calculator to the terminal.
func (c *CRS) resized() { c.fit(c) }

// Update runs the form, then moves through the score's lines.
func (c CRS) Update(msg tea.Msg) (CRS, tea.Cmd) {
	cmd := c.update(&c, msg)
	return c, cmd
}

func (c *CRS) saveAnswers() func() {
	saved, vals := *c.vals, c.vals
	return func() { *vals = saved }
}

// work computes the score of the answers and lays out its report.
func (c *CRS) work() *[]crs.Line {
	if c.grid == nil {
		c.grid, c.err = crs.LoadGrid()
	}
	if c.err != nil {
		return &[]crs.Line{{Text: "The CRS grid could not be read: " + c.err.Error()}}
	}
	p := c.vals.profile()
	if err := p.Check(); err != nil {
		return &[]crs.Line{{Text: "Some answers could not be read: " + err.Error()}}
	}
	report := c.grid.Report(c.grid.Score(p))
	return &report
}

// report is the score's lines, none while the questions show.
func (c *CRS) report() []crs.Line {
	if c.result == nil {
		return nil
	}
	return *c.result
}

// links are the indexes of the report lines that open a guide section.
func (c *CRS) links() []int {
	var out []int
	for i, l := range c.report() {
		if l.Anchor != "" {
			out = append(out, i)
		}
	}
	return out
}

func (c *CRS) pick(i int) tea.Cmd {
	l := c.report()[c.links()[i]]
	return func() tea.Msg { return openGuideMsg{slug: l.Guide, anchor: l.Anchor} }
}

// progress: the calculator's pages are few and titled; none is shown.
func (c *CRS) progress() string { return "" }

// options: the calculator's pages hold several questions each; a click
// does not pick among their choices.
func (c *CRS) options() []huh.Option[string] { return nil }

// resultLines is the report, the first line its title; each line that
// opens a section is an entry.
func (c *CRS) resultLines() ([]string, []lineSpan) {
	st := c.ctx.Styles
	links := c.links()
	selected := -1
	if c.sel < len(links) {
		selected = links[c.sel]
	}
	var lines []string
	var spans []lineSpan
	for i, l := range c.report() {
		text := " " + l.Text
		switch {
		case i == selected:
			text = st.Selected.Render("▌" + l.Text)
		case i == 0:
			text = " " + st.Title.Render(l.Text)
		}
		if l.Anchor != "" {
			spans = append(spans, lineSpan{i, i + 1})
		}
		lines = append(lines, text)
	}
	return lines, spans
}

// View draws the form or the score under the calculator's header.
func (c CRS) View() string {
	return c.view(&c, "CRS calculator", "an estimate from the published grid, not a decision")
}

// fullHelp groups the calculator's keys for the help screen.
func (c *CRS) fullHelp() [][]key.Binding { return c.askList.fullHelp() }
