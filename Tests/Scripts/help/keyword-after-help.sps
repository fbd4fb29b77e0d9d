# A keyword after `help` is the word to explain, in a script as at the prompt.
help break
# expect: break · continue
# expect: leave the innermost for or while loop, or go on to its next pass
# expect:
# expect: Both act on the innermost `for` or `while` around them; outside a loop they are an error.
# expect:
# expect: Example
# expect: for x in [3, -1, 4, 0, 5] {
# expect: if x < 0 { continue }
# expect: if x == 0 { break }
# expect: print x
# expect: }
# expect:
# expect: keywords: break, continue
