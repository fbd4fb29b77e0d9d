plot scatter 5 x=a y=b  # expect error: plot scatter needs a dataset, a table or a record of columns, got number
