package bluemonday

import "testing"

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"<b>bold</b> and <i>italic</i>", "bold and italic"},
		{"<p class=\"x > y\">quoted &gt; kept</p>", "quoted &gt; kept"},
		{"a <!-- comment --> b", "a  b"},
		{"<script>alert(1)</script>after", "after"},
		{"<style>p{}</style><title>t</title>text", "text"},
		{"<div><iframe src=x><p>in</p></iframe>out</div>", "out"},
		{"AT&T & <br/> Tom's", "AT&amp;T &amp;  Tom&#39;s"},
		{"<unclosed", ""},
		{"</stray> end", " end"},
	}
	p := StrictPolicy()
	for _, tt := range tests {
		if got := p.Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
