# In a plain script, say prints its narration (a blank line, then the text after a marker) and pause does nothing.
x = 2
say "x is" x "and twice x is {x * 2}"
# expect:
# expect: ▸ x is 2 and twice x is 4
pause
print "after the pause"  # expect: after the pause
