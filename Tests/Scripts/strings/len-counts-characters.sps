# len counts characters: a "\r\n" pair is one, an accented letter one, as indexing and loops count them.
print (len "abc") (len "a\r\nb") (len "héllo") (len "") (len "\r\r\n") (len "\n\r")  # expect: 3 3 5 0 2 2
s = ""
for i in 0..<1000 { s += "ab\r\n" }
print (len s) (len "{s}é")  # expect: 3000 3001
# Long ASCII strings are counted eight bytes at a time, with "\r\n" across the eight-byte boundaries.
print (len "abcdefgh\r\nabcdefgh") (len "abcdefghijklmnop\r") (len "0123456é89abcdefgh") (len "abcdefg\r\nhijklmnopq\r\n")  # expect: 17 17 18 19
