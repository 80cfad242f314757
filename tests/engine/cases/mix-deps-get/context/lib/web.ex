defmodule Web do
end
