package guides

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s is lowercase letters, digits and single hyphens.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// frontMatter is the YAML header as written; fields are checked after decoding.
type frontMatter struct {
	Title    string   `yaml:"title"`
	Summary  string   `yaml:"summary"`
	Slug     string   `yaml:"slug"`
	Tags     []string `yaml:"tags"`
	Related  []string `yaml:"related"`
	Reviewed string   `yaml:"reviewed"`
	Sources  []struct {
		Title string `yaml:"title"`
		URL   string `yaml:"url"`
	} `yaml:"sources"`
}

// parseFile turns one file's bytes into a Guide. The guide is nil when
// anything is wrong with the file; problems lists all of it.
func parseFile(file, origin string, data []byte) (*Guide, []Problem) {
	var probs []Problem
	report := func(line int, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}

	if i := bytes.IndexByte(data, 0); i >= 0 {
		report(lineAt(data, i), "binary file (NUL byte at offset %d); guides are UTF-8 markdown", i)
		return nil, probs
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		report(lineAt(data, i), "not valid UTF-8 (bad byte at offset %d)", i)
		return nil, probs
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		report(0, "empty file")
		return nil, probs
	}

	head, body, bodyLine, ok := splitFrontMatter(data)
	if !ok {
		if bytes.HasPrefix(data, []byte("---")) {
			report(1, "front matter is not closed: add a line with --- after it")
		} else {
			report(1, "missing front matter: a guide starts with a --- line, YAML fields, and another --- line")
		}
		return nil, probs
	}

	fm, keyLines, yprobs := decodeFrontMatter(head)
	for _, p := range yprobs {
		report(p.Line, "%s", p.Msg)
	}
	if fm == nil {
		return nil, probs
	}
	fieldLine := func(key string) int {
		if l, ok := keyLines[key]; ok {
			return l
		}
		return 1
	}

	g := &Guide{File: file, Origin: origin, BodyLine: bodyLine}
	g.Title = SanitizeLine(strings.TrimSpace(fm.Title))
	g.Summary = SanitizeLine(strings.TrimSpace(fm.Summary))
	if g.Title == "" {
		report(fieldLine("title"), "missing required field \"title\"")
	}
	switch {
	case g.Summary == "":
		report(fieldLine("summary"), "missing required field \"summary\"")
	case strings.Contains(strings.TrimSpace(fm.Summary), "\n"):
		report(fieldLine("summary"), "summary must be one line")
	}

	g.Slug = strings.TrimSpace(fm.Slug)
	if g.Slug == "" {
		g.Slug = strings.TrimSuffix(path.Base(file), path.Ext(file))
		if !ValidSlug(g.Slug) {
			report(1, "file name %q is not a valid slug: rename the file or set slug: (lowercase letters, digits, hyphens)", SanitizeLine(path.Base(file)))
			g.Slug = SanitizeLine(g.Slug)
		}
	} else if !ValidSlug(g.Slug) {
		report(fieldLine("slug"), "slug %q must be lowercase letters, digits and hyphens", SanitizeLine(g.Slug))
		g.Slug = SanitizeLine(g.Slug)
	}

	switch reviewed := strings.TrimSpace(fm.Reviewed); {
	case reviewed == "":
		report(fieldLine("reviewed"), "missing required field \"reviewed\" (YYYY-MM-DD: the day the facts were last checked)")
	default:
		t, err := time.Parse(time.DateOnly, reviewed)
		if err != nil {
			report(fieldLine("reviewed"), "reviewed %q is not a date in the form YYYY-MM-DD", SanitizeLine(reviewed))
		}
		g.Reviewed = t
	}

	for _, t := range fm.Tags {
		if t = SanitizeLine(strings.TrimSpace(t)); t != "" {
			g.Tags = append(g.Tags, t)
		}
	}
	for _, r := range fm.Related {
		g.Related = append(g.Related, SanitizeLine(strings.TrimSpace(r)))
	}
	for i, s := range fm.Sources {
		src := Source{Title: SanitizeLine(strings.TrimSpace(s.Title)), URL: SanitizeLine(strings.TrimSpace(s.URL))}
		if src.Title == "" || src.URL == "" {
			report(fieldLine("sources"), "source %d needs both title and url", i+1)
		}
		if src.URL != "" && !isWebURL(src.URL) {
			report(fieldLine("sources"), "source %d: url %q must start with https:// or http://", i+1, src.URL)
		}
		g.Sources = append(g.Sources, src)
	}

	g.Body = Sanitize(string(body))
	if strings.TrimSpace(g.Body) == "" {
		report(bodyLine-1, "empty body: the guide has front matter but no text")
	}
	// A guide with a broken header is left out rather than shown half-made;
	// its problems say how to fix it.
	if len(probs) > 0 {
		return nil, probs
	}
	return g, probs
}

// splitFrontMatter separates "---\nYAML\n---\n" from the body. bodyLine is
// the 1-based line on which the body starts.
func splitFrontMatter(data []byte) (head, body []byte, bodyLine int, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \t\r") != "---" {
		return nil, nil, 0, false
	}
	line := 2
	offset := len(first) + 1
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if t := strings.TrimRight(string(l), " \t\r"); t == "---" || t == "..." {
			return data[len(first)+1 : offset], next, line + 1, true
		}
		offset += len(l) + 1
		rest = next
		line++
	}
	return nil, nil, 0, false
}

// decodeFrontMatter parses the YAML header. Lines in the result are file
// lines (the header starts on line 2). keyLines maps each top-level key to
// its line.
func decodeFrontMatter(head []byte) (*frontMatter, map[string]int, []Problem) {
	const offset = 1 // the opening --- is line 1
	// YAML counts a lone carriage return as a line break, editors and our
	// line numbers do not; refuse it here so every position stays true.
	if i := loneCR(head); i >= 0 {
		return nil, nil, []Problem{{Line: bytes.Count(head[:i], []byte("\n")) + 1 + offset,
			Msg: "front matter holds a carriage return that does not end a line (CR without LF)"}}
	}
	var probs []Problem
	file, err := parser.ParseBytes(head, 0)
	if err != nil {
		return nil, nil, []Problem{yamlProblem(err, offset)}
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return nil, nil, []Problem{{Line: 1, Msg: "front matter is empty: title, summary and reviewed are required"}}
	}
	if len(file.Docs) > 1 {
		return nil, nil, []Problem{{Line: 1, Msg: "front matter holds more than one YAML document"}}
	}
	root := file.Docs[0].Body
	// Aliases are refused before decoding, so a "billion laughs" header
	// cannot expand.
	var alias ast.Node
	ast.Walk(visitFunc(func(n ast.Node) bool {
		if alias != nil {
			return false
		}
		if n.Type() == ast.AliasType || n.Type() == ast.AnchorType {
			alias = n
			return false
		}
		return true
	}), root)
	if alias != nil {
		return nil, nil, []Problem{{Line: alias.GetToken().Position.Line + offset, Msg: "YAML anchors and aliases (& and *) are not allowed in front matter"}}
	}
	mapping, ok := root.(*ast.MappingNode)
	if !ok {
		return nil, nil, []Problem{{Line: root.GetToken().Position.Line + offset, Msg: "front matter must be YAML fields (key: value)"}}
	}
	keyLines := map[string]int{}
	for _, v := range mapping.Values {
		keyLines[v.Key.String()] = v.Key.GetToken().Position.Line + offset
	}
	var fm frontMatter
	if err := yaml.NodeToValue(root, &fm, yaml.DisallowUnknownField()); err != nil {
		probs = append(probs, yamlProblem(err, offset))
		// Decode what can be decoded, so the remaining checks still run.
		fm = frontMatter{}
		_ = yaml.NodeToValue(root, &fm)
	}
	return &fm, keyLines, probs
}

type visitFunc func(ast.Node) bool

func (f visitFunc) Visit(n ast.Node) ast.Visitor {
	if f(n) {
		return f
	}
	return nil
}

// yamlProblem turns a go-yaml error into a problem on the right file line.
func yamlProblem(err error, offset int) Problem {
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		line := 1
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line + offset
		}
		return Problem{Line: line, Msg: "front matter: " + SanitizeLine(yerr.GetMessage())}
	}
	return Problem{Line: 1, Msg: "front matter: " + SanitizeLine(err.Error())}
}

func isWebURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

func lineAt(data []byte, offset int) int {
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// loneCR is the offset of the first '\r' not followed by '\n', or -1.
func loneCR(b []byte) int {
	for i, c := range b {
		if c == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			return i
		}
	}
	return -1
}
