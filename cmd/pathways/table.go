package main

import (
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/assets"
	"pathways/guides"
	"pathways/guides/finder"
	"pathways/guides/search"
	"pathways/tui/render"
)

// table is how list, search and find print to a terminal: fitted to its
// width, long text cut with "…", the name to type in bold and what is
// secondary dim. Pipes and files get the tab-separated lines scripts read.
type table struct {
	width     int
	name, dim lipgloss.Style
	styled    bool
	ascii     bool
}

// terminalTable returns the table layout when standard output is a
// terminal, or nil. Style is resolved as for show (--style, NO_COLOR):
// a plain style keeps the layout without bold or dim. The width is
// --width if given, else the terminal's whole width.
func (a *app) terminalTable() (*table, error) {
	o := a.output(a.stdout)
	if !o.Terminal {
		return nil, nil
	}
	style, err := render.ResolveStyle(o)
	if err != nil {
		return nil, usage(err)
	}
	t := &table{width: 80, styled: !assets.Plain(style), ascii: style == assets.StyleASCII}
	switch {
	case o.Width > 0:
		t.width = o.Width
	case o.TermWidth > 0:
		t.width = o.TermWidth
	}
	t.width = max(t.width, 20)
	if t.styled {
		t.name = lipgloss.NewStyle().Bold(true)
		t.dim = lipgloss.NewStyle().Faint(true)
	}
	return t, nil
}

// cut fits s into w cells, ending it with "…" when it is longer.
func cut(s string, w int) string { return ansi.Truncate(s, max(w, 0), "…") }

// pad cuts s to w cells, styles it and fills it with spaces up to w.
func pad(style lipgloss.Style, s string, w int) string {
	s = cut(s, w)
	return style.Render(s) + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// write prints the lines, made safe for the terminal: guide text was
// cleaned where it was loaded, this is the last line of defence.
func (t *table) write(w io.Writer, lines []string) error {
	out := render.Clean(strings.Join(lines, "\n")+"\n", t.styled)
	if t.ascii {
		out = render.ASCII(out)
	}
	_, err := io.WriteString(w, out)
	return err
}

// list prints one line per guide: slug, title and reviewed date in
// aligned columns. The title gives way first, then the slug.
func (t *table) list(w io.Writer, gs []*guides.Guide) error {
	slugW, titleW, dateW := 0, 0, 0
	for _, g := range gs {
		slugW = max(slugW, ansi.StringWidth(g.Slug))
		titleW = max(titleW, ansi.StringWidth(g.Title))
		dateW = max(dateW, ansi.StringWidth(g.ReviewedString()))
	}
	const gaps, minTitle = 4, 10
	slugW = max(min(slugW, t.width-gaps-dateW-minTitle), 8)
	titleW = min(titleW, t.width-gaps-dateW-slugW)
	lines := make([]string, 0, len(gs))
	for _, g := range gs {
		line := pad(t.name, g.Slug, slugW) + "  " + pad(lipgloss.NewStyle(), g.Title, titleW) + "  " + t.dim.Render(g.ReviewedString())
		lines = append(lines, cut(line, t.width))
	}
	return t.write(w, lines)
}

// search prints two lines per result: where to go (slug#anchor) in bold
// with the guide's title and the section's heading, then the matching
// text, indented and dim.
func (t *table) search(w io.Writer, results []search.Result) error {
	lines := make([]string, 0, 2*len(results))
	for _, r := range results {
		where := r.Guide.Slug
		if r.Anchor != "" {
			where += "#" + r.Anchor
		}
		head := t.name.Render(where) + "  " + r.Guide.Title
		if r.Heading != "" {
			head += t.dim.Render(" › " + r.Heading)
		}
		lines = append(lines, cut(head, t.width))
		snippet, _ := r.Snippet(t.width)
		if snippet != "" && snippet != r.Guide.Title && snippet != r.Heading {
			lines = append(lines, "  "+t.dim.Render(cut(snippet, t.width-2)))
		}
	}
	return t.write(w, lines)
}

// find prints each guide's slug in bold, and under it its reason,
// wrapped at the width: the reason is the answer, so it is not cut.
func (t *table) find(w io.Writer, matches []finder.Match) error {
	lines := make([]string, 0, 2*len(matches))
	for _, m := range matches {
		lines = append(lines, t.name.Render(cut(m.Guide.Slug, t.width)))
		for _, l := range strings.Split(ansi.Wrap(m.Reason, t.width-2, ""), "\n") {
			lines = append(lines, "  "+strings.TrimRight(l, " "))
		}
	}
	return t.write(w, lines)
}
