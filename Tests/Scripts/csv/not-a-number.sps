# A table with a text column reads back as a bad row: the error names the file, line and column.
t = compare (linear 3 1) truth=[1, 2, 0]
save t "/tmp/sps-golden-csv-text.csv"
csv "/tmp/sps-golden-csv-text.csv"  # expect error: /tmp/sps-golden-csv-text.csv:2: column 'param' has 'x1', which is not a number
