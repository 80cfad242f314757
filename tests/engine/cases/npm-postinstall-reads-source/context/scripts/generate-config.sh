mkdir -p generated
echo "port=3000" > generated/config.txt
