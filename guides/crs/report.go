package crs

import (
	"fmt"
	"strings"

	"pathways/guides"
)

// Line is one line of a score's report. Anchor, when set, is the section of
// Guide that explains it.
type Line struct {
	Text   string
	Guide  string
	Anchor string
	// Gain marks a change that would raise the score.
	Gain bool
}

// Report lays a result out as text, one Line each: the total, the sections
// with their factors, the changes that would raise the score, the recent
// draws as history, the grid's date and source, and the notes. The browser
// and `pathways crs` print the same lines.
func (g *Grid) Report(r Result) []Line {
	var out []Line
	text := func(format string, args ...any) { out = append(out, Line{Text: fmt.Sprintf(format, args...)}) }
	link := func(guide, anchor, format string, args ...any) {
		out = append(out, Line{Text: fmt.Sprintf(format, args...), Guide: guide, Anchor: anchor})
	}
	who := "single"
	if r.WithSpouse {
		who = "with a spouse or partner"
	}
	text("CRS score: %d of %s (scored %s)", r.Total, guides.Thousands(r.Max), who)
	text("")
	width := 0
	for _, f := range r.Factors {
		width = max(width, len(f.Name)+3)
	}
	for _, s := range r.Sections {
		width = max(width, len(s.ID)+2+len(s.Name))
	}
	for _, s := range r.Sections {
		head := s.ID + ". " + s.Name
		if s.Max == 0 {
			text("%-*s  -  (no accompanying spouse or partner)", width, head)
			continue
		}
		text("%-*s  %d of %d", width, head, s.Points, s.Max)
		for _, f := range r.Factors {
			if f.Section == s.ID {
				link(g.Guide, f.Anchor, "%-*s  %3d  %s", width, "   "+f.Name, f.Points, f.Rule)
			}
		}
	}
	if len(r.Gains) > 0 {
		text("")
		text("What would raise it most:")
		for _, gain := range r.Gains {
			link(g.Guide, gain.Anchor, "  +%d  %s", gain.Points, gain.Change)
			out[len(out)-1].Gain = true
		}
	}
	if len(r.Draws) > 0 {
		text("")
		link(r.Draws[0].Guide, r.Draws[0].Anchor, "Recent draws, as history, not a prediction:")
		for _, d := range r.Draws {
			link(d.Guide, d.Anchor, "  %s  %-28s %d", d.Date, d.Type, d.Cutoff)
		}
	}
	text("")
	text("Grid as of %s: %s, %s, %s", r.Source.Checked, r.Source.Title, r.Source.Publisher, r.Source.URL)
	for _, n := range r.Notes {
		if strings.Contains(n, "high-wage") {
			link(g.Guide, anchorHighWage, "%s", n)
			continue
		}
		text("%s", n)
	}
	text("This is an estimate from the published grid, not a decision: IRCC's own tool is the reference.")
	return out
}
