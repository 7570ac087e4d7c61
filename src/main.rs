fn main() -> std::process::ExitCode {
    campaign::cli::main()
}
