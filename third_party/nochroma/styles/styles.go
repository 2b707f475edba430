// Package styles is the style registry glamour registers its code theme in.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry of styles by name; it starts empty.
var Registry = map[string]*chroma.Style{}

// Register adds a style to the Registry.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}
