package render

import (
	"fmt"
	"strings"

	"pathways/assets"
	"pathways/guides"
)

// Output is what style and width resolution know of where text goes.
type Output struct {
	// Style is --style as given: "" or auto, dark, light, notty, ascii.
	Style string
	// Width is --width as given; 0 means not given.
	Width int
	// NoColor is NO_COLOR set to anything but "".
	NoColor bool
	// ForceColor is CLICOLOR_FORCE set to anything but "" or "0".
	ForceColor bool
	// Terminal reports that the output is a terminal, TermWidth its width.
	Terminal  bool
	TermWidth int
}

// OutputFromEnv fills NoColor and ForceColor from the environment.
func OutputFromEnv(o Output, getenv func(string) string) Output {
	o.NoColor = getenv("NO_COLOR") != ""
	force := getenv("CLICOLOR_FORCE")
	o.ForceColor = force != "" && force != "0"
	return o
}

// MaxWidth is the widest that text is wrapped to when no width is given.
const MaxWidth = 100

// ResolveStyle is the one resolution of the style, for show, the browser
// and the finder alike. An explicit --style wins over everything. Otherwise
// NO_COLOR means no colours (notty), and so does output that is not a
// terminal, unless CLICOLOR_FORCE asks for colours. What is left is
// assets.StyleAuto: colours on a background the caller asks the terminal
// about (dark when it cannot tell).
func ResolveStyle(o Output) (string, error) {
	switch o.Style {
	case "", assets.StyleAuto:
	case assets.StyleDark, assets.StyleLight, assets.StyleNoTTY, assets.StyleASCII:
		return o.Style, nil
	default:
		return "", fmt.Errorf("unknown --style %q (want one of %s)", guides.SanitizeLine(o.Style), strings.Join(assets.StyleNames, ", "))
	}
	switch {
	case o.NoColor:
		return assets.StyleNoTTY, nil
	case !o.Terminal && !o.ForceColor:
		return assets.StyleNoTTY, nil
	}
	return assets.StyleAuto, nil
}

// Background picks dark or light for an auto style, asking isDark (the
// terminal's answer) only then; other styles are returned as they are.
func Background(style string, isDark func() bool) string {
	if style != assets.StyleAuto {
		return style
	}
	if isDark == nil || isDark() {
		return assets.StyleDark
	}
	return assets.StyleLight
}

// ResolveWidth is the one resolution of the wrap width for printed text:
// --width if given, else the terminal's width up to MaxWidth, else 80.
func ResolveWidth(o Output) int {
	switch {
	case o.Width > 0:
		return o.Width
	case o.Terminal && o.TermWidth > 0:
		return min(o.TermWidth, MaxWidth)
	}
	return 80
}

// ReaderWidth is the wrap width of a guide in the browser, for a terminal
// width: one column is kept for the scroll mark, and --width, if given,
// caps it.
func ReaderWidth(termWidth, flag int) int {
	w := max(20, min(termWidth-1, MaxWidth))
	if flag > 0 {
		w = max(20, min(w, flag))
	}
	return w
}
