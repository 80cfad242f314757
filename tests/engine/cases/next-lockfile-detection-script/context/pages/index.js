export default function Home() { return "hello"; }
