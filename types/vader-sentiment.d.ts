/** Types of vader-sentiment (a benchmark and validation peer; it ships none). */
declare module 'vader-sentiment' {
  /** VADER's scores of one text. */
  export interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    compound: number;
  }
  export const SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
  const vader: { SentimentIntensityAnalyzer: typeof SentimentIntensityAnalyzer };
  export default vader;
}
