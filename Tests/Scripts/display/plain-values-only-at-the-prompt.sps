# Other values of a line that is just an expression are shown at the prompt and in transcripts, not in a script.
x = 41
x + 1
[1, 2, 3]
"a string"
print "only this"  # expect: only this
