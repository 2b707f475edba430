// Package bluemonday stands in for github.com/microcosm-cc/bluemonday in
// pathways builds (see the replace directive in pathways' go.mod and
// ../README.md).
//
// glamour uses one thing from it: a strict policy that removes every HTML
// tag from raw HTML in markdown and keeps the text. This package does that
// with the x/net/html tokenizer and compiles nothing at start-up.
package bluemonday

import (
	"strings"

	"golang.org/x/net/html"
)

// Policy removes HTML tags.
type Policy struct{}

// StrictPolicy returns a policy that keeps only text: every element is
// removed, and the content of elements that hold no readable text (scripts,
// styles, frames, objects, titles) goes with it.
func StrictPolicy() *Policy { return &Policy{} }

// skipContent are the elements whose content is dropped with them.
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true,
	"noframes": true, "noscript": true, "nostyle": true, "object": true,
	"script": true, "style": true, "title": true,
}

// Sanitize returns the text of s with every tag and comment removed. The
// result is HTML: text is escaped, as the caller unescapes it.
func (p *Policy) Sanitize(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skipping := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skipping == 0 {
				b.WriteString(html.EscapeString(string(z.Text())))
			}
		case html.StartTagToken:
			if name, _ := z.TagName(); skipContent[string(name)] {
				skipping++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skipContent[string(name)] && skipping > 0 {
				skipping--
			}
		}
	}
}
