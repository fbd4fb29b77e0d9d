# Bad input: a tab and a control character on the failing line are shown as \t and \u{1} (issue 15)

# expect error col 8: unexpected character U+0001
	x = 1 
