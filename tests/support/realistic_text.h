// Realistic card text for benchmarks: Latin text (Spanish, Portuguese, English
// words) and Chinese phrases with punctuation, of a length chosen at random.
#pragma once

#include <iterator>
#include <random>
#include <string>

namespace jm::testing {

class RealisticText {
public:
    explicit RealisticText(unsigned seed) : rng(seed) {}
    std::mt19937 rng;
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

    std::string latin(int min_chars, int max_chars) {
        static const char* kWords[] = {
            "Solicitud", "de", "demostración", "con", "el", "equipo", "comercial", "para", "validar", "integración",
            "Contrato", "licença", "anual", "revisão", "jurídica", "e", "aprovação", "do", "orçamento", "Security",
            "review", "with", "procurement", "and", "the", "customer's", "IT", "department", "Configuración",
            "inicial", "espacio", "trabajo", "invitación", "usuarios", "migración", "Onboarding", "session",
            "handoff", "from", "sales", "to", "success", "kickoff", "checklist", "self-serve", "SSO/SAML"};
        const int target = pick(min_chars, max_chars);
        std::string s;
        int chars = 0;
        while (chars < target) {
            std::string w = kWords[pick(0, static_cast<int>(std::size(kWords)) - 1)];
            if (!s.empty()) {
                s += ' ';
                ++chars;
            }
            s += w;
            for (unsigned char c : w) chars += (c & 0xC0) != 0x80;
        }
        return s;
    }

    std::string chinese(int min_chars, int max_chars) {
        static const char* kPhrase[] = {"客户", "在", "评估", "阶段", "需要", "与", "销售", "团队", "沟通", "产品",
                                        "集成", "方案", "并", "确认", "年度", "许可证", "价格", "以及", "安全",
                                        "审查", "流程", "决策者", "希望", "看到", "投资", "回报", "分析", "实施"};
        static const char* kPunct[] = {"，", "。", "、", "：", "；", "！", "？"};
        const int target = pick(min_chars, max_chars);
        std::string s;
        int chars = 0;
        while (chars < target) {
            std::string w = kPhrase[pick(0, static_cast<int>(std::size(kPhrase)) - 1)];
            s += w;
            chars += static_cast<int>(w.size() / 3);
            if (pick(0, 4) == 0) {
                s += kPunct[pick(0, 6)];
                ++chars;
            }
        }
        return s;
    }
};

}  // namespace jm::testing
