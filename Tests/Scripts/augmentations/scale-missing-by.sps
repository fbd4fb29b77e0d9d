scale x3  # expect error: scale is missing argument 'by'
