#* @get /health
function() "ok"
