-- String building (same program as strings.sps; Lua builds a long string from a table of pieces, its idiom
-- for appending).
local function build(n)
  local parts = {}
  local same = 0
  for i = 0, n - 1 do
    local piece = "item " .. (i % 1000) .. ";"
    if piece == "item 7;" then same = same + 1 end
    parts[#parts + 1] = piece
  end
  local s = table.concat(parts)
  return {#s, same}
end
local r = build(600000)
print(r[1] .. " " .. r[2])
