#include "output/conllu_writer.h"

namespace vigie {

void write_conllu(const Document& doc, std::ostream& out) {
  out << "# newdoc id = " << doc.meta.id << "\n";
  out << "# lang = " << doc.language.code << " (" << doc.language.method << ")\n";
  std::size_t n = 0;
  for (const auto& s : doc.sentences) {
    out << "# sent_id = " << ++n << "\n# text = ";
    for (char c : doc.slice(s.span)) out << (c == '\n' || c == '\r' ? ' ' : c);
    out << "\n";
    for (std::uint32_t i = 0; i < s.token_count; ++i) {
      const Token& t = doc.tokens[s.first_token + i];
      out << i + 1 << '\t' << doc.token_text(t) << '\t' << (t.lemma.empty() ? "_" : t.lemma) << '\t'
          << pos_name(t.pos) << "\t_\t" << (t.features.empty() ? "_" : t.features) << "\t_\t_\t_\t"
          << "Span=" << doc.code_point_at(t.span.begin) << '-' << doc.code_point_at(t.span.end)
          << (t.space_after ? "" : "|SpaceAfter=No") << '\n';
    }
    out << '\n';
  }
}

}  // namespace vigie
