package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles are every lipgloss style of the browser, built together from the
// terminal's background so they always agree with the glamour style.
type Styles struct {
	Title       lipgloss.Style
	Dim         lipgloss.Style
	Selected    lipgloss.Style
	SelectedDim lipgloss.Style
	Header      lipgloss.Style
	Rule        lipgloss.Style
	Status      lipgloss.Style
	Error       lipgloss.Style
	Stale       lipgloss.Style
	LinkFocus   lipgloss.Style
	FindHit     lipgloss.Style
	FindCurrent lipgloss.Style
	Match       lipgloss.Style
	Help        help.Styles
	Input       textinput.Styles
}

// NewStyles builds the styles for a dark or light background; plain gives
// a colourless screen (NO_COLOR) that still shows focus, links and find
// matches with reverse video, underline and bold.
func NewStyles(isDark, plain bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	accent, dim, warn, bad := c("#1f5fbf", "#7aa7ff"), c("#6b6b6b", "#8a8a8a"), c("#8a5a00", "#e0b04a"), c("#b00020", "#ff6b6b")
	s := Styles{
		Title:       lipgloss.NewStyle().Bold(true),
		Dim:         lipgloss.NewStyle().Foreground(dim),
		Selected:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		SelectedDim: lipgloss.NewStyle().Foreground(accent),
		Header:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Rule:        lipgloss.NewStyle().Foreground(dim),
		Status:      lipgloss.NewStyle().Foreground(warn),
		Error:       lipgloss.NewStyle().Foreground(bad).Bold(true),
		Stale:       lipgloss.NewStyle().Foreground(warn),
		LinkFocus:   lipgloss.NewStyle().Reverse(true),
		FindHit:     lipgloss.NewStyle().Background(c("#ffe08a", "#5c4a00")),
		FindCurrent: lipgloss.NewStyle().Reverse(true).Bold(true),
		Match:       lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent),
		Help:        help.DefaultStyles(isDark),
		Input:       textinput.DefaultStyles(isDark),
	}
	if plain {
		p := lipgloss.NewStyle()
		s.Dim, s.SelectedDim, s.Header, s.Rule, s.Status, s.Stale = p, p, p.Bold(true), p, p, p
		s.Selected = p.Reverse(true)
		// Links are underlined in the text; the focused one keeps its
		// underline, which the current find match (reverse, bold) lacks.
		s.LinkFocus = p.Reverse(true).Underline(true)
		s.Error = p.Bold(true)
		s.FindHit = p.Underline(true)
		s.Match = p.Underline(true)
		s.Help = help.Styles{}
	}
	return s
}
