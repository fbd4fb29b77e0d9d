print { 1 }  # expect: <block>
