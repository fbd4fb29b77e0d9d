# What Python, C and JavaScript programmers type first gets the sps way in its error (one error per mistake).
ok = (1 < 2) and (2 < 3)  # and, or, not, **, # comments: the sps way
both = true && false  # expect error: syntax-errors/other-languages.sps:3:13: error: unexpected '&&'; use 'and'
either = true || false  # expect error: unexpected '||'; use 'or'
bits = 1 & 2  # expect error: unexpected '&'; use 'and'
power = 2 ^ 10  # expect error: unexpected '^'; use '**' for powers
half = 7 // 2  # expect error: unexpected '//'; comments start with '#' (and a / b divides: floor (a / b) rounds down)
if ok { print 1 } elif both { print 2 }  # expect error: unexpected 'elif'; write 'else if'
def twice(x) { 2 * x }  # expect error: def twice: parameters are written without parentheses or commas: def twice x y { … }, or def twice { … } for none
count++  # expect error col 6: sps has no '++'; write x += 1
count--  # expect error col 6: sps has no '--'; write x -= 1
