print (format "%.2f" 3.14159)  # expect: 3.14
print (format "%5d|%-4s|%e" 42 "ab" 1234.5)  # expect: 42|ab  |1.234500e+03
print (format "100%%")  # expect: 100%
