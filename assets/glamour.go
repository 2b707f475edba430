// Package assets holds what pathways ships as data: the glamour style
// configurations and the lipgloss styles of the browser.
package assets

import (
	"fmt"
	"slices"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// Style names accepted by --style. "auto" is resolved by the caller.
const (
	StyleAuto  = "auto"
	StyleDark  = "dark"
	StyleLight = "light"
	StyleNoTTY = "notty"
	StyleASCII = "ascii"
)

// StyleNames lists the styles for help text and completion.
var StyleNames = []string{StyleAuto, StyleDark, StyleLight, StyleNoTTY, StyleASCII}

// ValidStyle reports whether name is one of StyleNames ("" means auto).
func ValidStyle(name string) bool {
	return name == "" || slices.Contains(StyleNames, name)
}

// Plain reports whether a style writes no escape sequences at all.
func Plain(style string) bool { return style == StyleNoTTY || style == StyleASCII }

// GlamourStyle returns the glamour configuration for a resolved style name.
// Each call returns a fresh copy, so callers may adjust it.
func GlamourStyle(name string) (ansi.StyleConfig, error) {
	var c ansi.StyleConfig
	switch name {
	case StyleDark:
		c = styles.DarkStyleConfig
		c.LinkText.Underline = ptr(true)
		c.LinkText.Color = ptr("39")
	case StyleLight:
		c = styles.LightStyleConfig
		c.LinkText.Underline = ptr(true)
		c.LinkText.Color = ptr("27")
	case StyleNoTTY:
		// Text for pipes and files: no escape codes, and no markdown
		// punctuation around emphasis either.
		c = styles.ASCIIStyleConfig
		c.Emph = ansi.StylePrimitive{}
		c.Strong = ansi.StylePrimitive{}
		c.Code = ansi.StyleBlock{}
		// Links are underlined: without colour (NO_COLOR) nothing else
		// sets them apart. Piped text is laid out without glamour.
		c.LinkText.Underline = ptr(true)
	case StyleASCII:
		c = styles.ASCIIStyleConfig
		c.LinkText.Underline = ptr(true)
	default:
		return c, fmt.Errorf("unknown style %q (want one of auto, dark, light, notty, ascii)", name)
	}
	// Body text takes the terminal's own foreground colour. glamour pads
	// and indents every line with spaces in the document's style; without
	// a colour of its own each of them is a plain space, which makes
	// rendering a guide much cheaper (BenchmarkRenderGuide).
	c.Document.Color = nil
	// Code blocks take the code-block colours without syntax highlighting:
	// guides are prose, and the highlighter is not built in (see
	// third_party/README.md).
	c.CodeBlock.Chroma = nil
	c.CodeBlock.Theme = ""
	return c, nil
}

func ptr[T any](v T) *T { return &v }
