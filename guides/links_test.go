package guides

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseDest(t *testing.T) {
	tests := []struct {
		dest         string
		kind         LinkKind
		slug, anchor string
	}{
		{"/open-work-permit-canada", LinkGuide, "open-work-permit-canada", ""},
		{"/open-work-permit-canada#who-can-get-one", LinkGuide, "open-work-permit-canada", "who-can-get-one"},
		{"open-work-permit-canada.md", LinkGuide, "open-work-permit-canada", ""},
		{"./open-work-permit-canada.md#fees", LinkGuide, "open-work-permit-canada", "fees"},
		{"#in-short", LinkAnchor, "", "in-short"},
		{"#%C3%A9quivalence", LinkAnchor, "", "équivalence"},
		{"https://www.canada.ca/en.html", LinkExternal, "", ""},
		{"HTTP://example.org", LinkExternal, "", ""},
		{"mailto:someone@example.org", LinkExternal, "", ""},
		{"open-work-permit-canada", LinkInvalid, "", ""},
		{"/Not_A_Slug", LinkInvalid, "", ""},
		{"//example.org/x", LinkInvalid, "", ""},
		{"javascript:alert(1)", LinkInvalid, "", ""},
		{"", LinkInvalid, "", ""},
	}
	for _, tt := range tests {
		kind, slug, anchor := ParseDest(tt.dest)
		if kind != tt.kind || slug != tt.slug || anchor != tt.anchor {
			t.Errorf("ParseDest(%q) = %v %q %q, want %v %q %q", tt.dest, kind, slug, anchor, tt.kind, tt.slug, tt.anchor)
		}
	}
}

const linkBody = `## Fees

See [the other guide](/b) and [its fees](/b#fees-and-costs), [as file](b.md),
[relative](./b.md#fees-and-costs), [here](#fees) and [the web](https://canada.ca).

Inline code is not a link: ` + "`[no](/missing)`" + `.

` + "```" + `
[not a link](/missing-in-code)
` + "```" + `

    [indented code](/missing-indented)

| table | link |
| --- | --- |
| row | [in a table](/b) |

## Fees
`

func TestLinksResolveEveryForm(t *testing.T) {
	lib := Load([]Dir{{FS: fstest.MapFS{
		"a.md": {Data: []byte(guideFile("A", linkBody))},
		"b.md": {Data: []byte(guideFile("B", "## Fees and costs\n\nText linking [back](/a).\n"))},
	}, Name: "t"}}, Options{})
	if p := lib.Problems(); len(p) > 0 {
		t.Fatalf("unexpected problems: %v", p)
	}
	a, _ := lib.Guide("a")
	var got []string
	for _, l := range a.links {
		target, err := lib.Resolve(a, l.Dest)
		if err != nil {
			t.Errorf("Resolve(%q): %v", l.Dest, err)
			continue
		}
		switch {
		case target.URL != "":
			got = append(got, l.Text+"→"+target.URL)
		default:
			got = append(got, l.Text+"→"+target.Guide.Slug+"#"+target.Anchor)
		}
	}
	want := []string{
		"the other guide→b#", "its fees→b#fees-and-costs", "as file→b#", "relative→b#fees-and-costs",
		"here→a#fees", "the web→https://canada.ca", "in a table→b#",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("links:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Repeated headings get -1 anchors.
	if _, ok := a.Heading("fees-1"); !ok {
		t.Errorf("second Fees heading has no fees-1 anchor: %+v", a.headings)
	}
	if bl := lib.Backlinks("b"); len(bl) != 1 || bl[0].Slug != "a" {
		t.Errorf("backlinks of b = %v, want [a]", bl)
	}
	if out := lib.Outgoing(a); strings.Join(out, ",") != "b" {
		t.Errorf("outgoing of a = %v, want [b]", out)
	}
}

func TestLinkLinesAndExtents(t *testing.T) {
	body := "Intro.\n\nA [first **bold**](/b) link\nand a [second](#x \"title (with) parens\") one.\n\n## X\n"
	g := &Guide{Body: body, BodyLine: 7}
	analyse(g)
	if len(g.links) != 2 {
		t.Fatalf("got %d links, want 2", len(g.links))
	}
	first, second := g.links[0], g.links[1]
	if first.Line != 9 || second.Line != 10 {
		t.Errorf("lines = %d, %d; want 9, 10", first.Line, second.Line)
	}
	if got := body[first.Start:first.End]; got != "[first **bold**](/b)" {
		t.Errorf("first extent = %q", got)
	}
	if got := body[second.TextStart:second.TextEnd]; got != "second" {
		t.Errorf("second text extent = %q", got)
	}
	if got := body[second.Start:second.End]; got != `[second](#x "title (with) parens")` {
		t.Errorf("second extent = %q", got)
	}
	if first.Text != "first bold" {
		t.Errorf("first text = %q", first.Text)
	}
	if g.headings[0].Line != 12 || g.headings[0].Anchor != "x" {
		t.Errorf("heading = %+v, want line 12 anchor x", g.headings[0])
	}
}

func guideFile(title, body string) string {
	return "---\ntitle: " + title + "\nsummary: About " + title + ".\nreviewed: 2026-11-27\n---\n" + body
}

func TestCountWordsMatchesFields(t *testing.T) {
	for _, s := range []string{"", "one", "  two  words ", "tab\tand\nnew\r\nline", "non\u00a0breaking and\u2003em space",
		"café — naïve", "\x85next\u3000ideographic", "bad \xff byte", strings.Repeat("word ", 100)} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
}
