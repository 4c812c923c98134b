import TextNormalization

/// Normalises `text` with only `pass` enabled (plus decoding), to test one pass in isolation.
func only(_ pass: NormalizationPassName, _ text: String, policy: PunctuationPolicy = .canonical) -> NormalizedText {
    let others = Set(NormalizationPassName.allCases).subtracting([pass, .decoding])
    let normalizer = TextNormalizer(configuration: .init(punctuationPolicy: policy, disabledPasses: others))
    return normalizer.normalize(text)
}

/// The full default pipeline.
func normalized(_ text: String) -> String { TextNormalizer().normalize(text).text }
