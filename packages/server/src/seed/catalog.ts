import type { AchievementContentInput } from '@tessera/shared';

interface CriterionSpec {
  name: string;
  description: string;
  levels: [string, string, string, string?];
}

const LEVEL_NAMES = ['Beginning', 'Developing', 'Proficient', 'Exemplary'];

function rubric(criteria: CriterionSpec[]) {
  return {
    criteria: criteria.map((c, i) => {
      const levels = c.levels
        .filter((l): l is string => Boolean(l))
        .map((description, j) => ({ id: `l${j + 1}`, name: LEVEL_NAMES[j] ?? `Level ${j + 1}`, description, points: j + 1 }));
      return { id: `c${i + 1}`, name: c.name, description: c.description, levels, requiredLevelId: 'l3' };
    }),
  };
}

/** The six demo micro-credentials of the Riverside School District (online-teaching domain). */
export const DEMO_ACHIEVEMENTS: AchievementContentInput[] = [
  {
    name: 'Designing Effective Online Assessments',
    description: 'Designs online assessments that are aligned to objectives, varied, and give timely feedback.',
    learningGoal: 'Align each online assessment to a stated learning objective and use the results to adjust instruction.',
    competency: 'The educator designs and uses online formative and summative assessments aligned to learning objectives.',
    criteriaNarrative:
      'Submit an assessment you designed for an online course, evidence of how students completed it, and a reflection on what the results told you.',
    skills: ['assessment design', 'feedback', 'online teaching'],
    alignments: [
      {
        targetName: 'ISTE Standards for Educators 7a',
        targetUrl: 'https://iste.org/standards/educators',
        targetFramework: 'ISTE Standards for Educators',
        targetCode: '7a',
      },
    ],
    evidenceRequirements: [
      {
        id: 'artifact',
        prompt: 'Upload or link the assessment, with the objectives it measures.',
        kinds: ['file', 'link'],
        required: true,
        criterionIds: ['c1', 'c2'],
      },
      {
        id: 'student-work',
        prompt: 'Share two anonymised samples of student responses with the feedback you gave.',
        kinds: ['file', 'link'],
        required: true,
        criterionIds: ['c3'],
      },
      {
        id: 'reflection',
        prompt: 'Reflect (300–500 words): what did the results tell you, and what did you change?',
        kinds: ['text'],
        required: true,
        criterionIds: ['c4'],
      },
    ],
    resources: [
      {
        title: 'Assessment for learning in online courses',
        url: 'https://www.edutopia.org/topic/assessment',
        note: 'Practical strategies for formative checks.',
      },
      {
        title: 'Universal Design for Learning guidelines',
        url: 'https://udlguidelines.cast.org/',
        note: 'Multiple means of action and expression.',
      },
    ],
    rubric: rubric([
      {
        name: 'Alignment',
        description: 'Items measure the stated objectives.',
        levels: [
          'Objectives are missing or unrelated.',
          'Some items align to objectives.',
          'Every item aligns to an objective.',
          'Alignment is explicit and shared with students.',
        ],
      },
      {
        name: 'Variety of evidence',
        description: 'Students can show learning in more than one way.',
        levels: [
          'One item type only.',
          'Two item types.',
          'Several formats suited to the objectives.',
          'Students choose how to show mastery.',
        ],
      },
      {
        name: 'Feedback',
        description: 'Feedback is timely and actionable.',
        levels: ['Scores only.', 'Generic comments.', 'Specific, timely comments.', 'Feedback leads to student revision.'],
      },
      {
        name: 'Use of results',
        description: 'Results inform next steps.',
        levels: ['Results not used.', 'Results noted.', 'Instruction adjusted from results.', 'Adjustments evaluated for impact.'],
      },
    ]),
    validity: { kind: 'months', months: 36 },
    creditsAvailable: 1,
    maxAttempts: 3,
  },
  {
    name: 'Facilitating Online Discussions',
    description: 'Plans and facilitates asynchronous discussions that deepen understanding.',
    learningGoal: 'Write discussion prompts that require evidence-based replies, and keep the discussion moving towards the goal.',
    competency: 'The educator facilitates online discussions that build knowledge collaboratively.',
    criteriaNarrative: 'Submit a discussion prompt, an excerpt of the discussion with your facilitation moves, and a reflection.',
    skills: ['online facilitation', 'questioning', 'online teaching'],
    evidenceRequirements: [
      {
        id: 'prompt',
        prompt: 'Paste the discussion prompt and the expectations you gave students.',
        kinds: ['text'],
        required: true,
        criterionIds: ['c1'],
      },
      {
        id: 'excerpt',
        prompt: 'Share an excerpt of the discussion (anonymised) showing your facilitation.',
        kinds: ['file', 'link', 'text'],
        required: true,
        criterionIds: ['c2'],
      },
      {
        id: 'reflection',
        prompt: 'Reflect on how the discussion changed students’ thinking.',
        kinds: ['text'],
        required: true,
        criterionIds: ['c3'],
      },
    ],
    resources: [
      { title: 'Community of Inquiry framework', url: 'https://coi.athabascau.ca/', note: 'Teaching, social and cognitive presence.' },
    ],
    rubric: rubric([
      {
        name: 'Prompt design',
        description: 'Prompts are open and require evidence.',
        levels: ['Closed or factual prompt.', 'Open prompt without evidence expectations.', 'Open prompt that asks for evidence.'],
      },
      {
        name: 'Facilitation moves',
        description: 'Replies probe, connect and summarise.',
        levels: ['No facilitation.', 'Praise or reminders only.', 'Probing and connecting replies.'],
      },
      {
        name: 'Reflection',
        description: 'Reflection connects moves to outcomes.',
        levels: ['Describes only.', 'Some link to outcomes.', 'Clear link between moves and learning.'],
      },
    ]),
    validity: { kind: 'never' },
    maxAttempts: 3,
  },
  {
    name: 'Creating Accessible Online Content',
    description: 'Creates course materials that every learner can perceive, operate and understand.',
    learningGoal: 'Apply WCAG 2.2 basics to documents, slides and video in an online course.',
    competency: 'The educator produces accessible digital learning materials.',
    criteriaNarrative: 'Submit one document or slide deck and one video with captions, with an accessibility check report.',
    skills: ['accessibility', 'universal design', 'online teaching'],
    alignments: [{ targetName: 'WCAG 2.2', targetUrl: 'https://www.w3.org/TR/WCAG22/', targetFramework: 'W3C WCAG', targetCode: '2.2' }],
    evidenceRequirements: [
      {
        id: 'document',
        prompt: 'Upload an accessible document or slide deck.',
        kinds: ['file'],
        required: true,
        criterionIds: ['c1', 'c2'],
      },
      { id: 'video', prompt: 'Link or upload a captioned video.', kinds: ['video', 'link'], required: true, criterionIds: ['c3'] },
      {
        id: 'report',
        prompt: 'Paste the results of an accessibility check and what you fixed.',
        kinds: ['text'],
        required: true,
        criterionIds: [],
      },
    ],
    resources: [{ title: 'WCAG 2.2 quick reference', url: 'https://www.w3.org/WAI/WCAG22/quickref/', note: '' }],
    rubric: rubric([
      {
        name: 'Structure',
        description: 'Headings, lists and reading order.',
        levels: ['No structure.', 'Some headings.', 'Complete semantic structure.', 'Structure checked with a screen reader.'],
      },
      {
        name: 'Alternatives',
        description: 'Alt text and colour contrast.',
        levels: ['Missing.', 'Partial.', 'All images and contrast pass.', 'Complex images have long descriptions.'],
      },
      {
        name: 'Media',
        description: 'Captions and transcripts.',
        levels: ['None.', 'Auto captions unedited.', 'Edited captions.', 'Captions and transcript.'],
      },
    ]),
    validity: { kind: 'months', months: 24 },
    maxAttempts: 3,
  },
  {
    name: 'Creating Engaging Video Lectures',
    description: 'Records short, purposeful video lectures that hold attention and support learning.',
    learningGoal: 'Plan, record and publish video segments under ten minutes with clear purpose and interaction.',
    competency: 'The educator creates instructional video that applies multimedia learning principles.',
    criteriaNarrative: 'Submit a storyboard, the finished video and viewer data or student feedback.',
    skills: ['video production', 'multimedia learning'],
    evidenceRequirements: [
      { id: 'storyboard', prompt: 'Upload the storyboard or script.', kinds: ['file', 'text'], required: true, criterionIds: ['c1'] },
      { id: 'video', prompt: 'Link to the finished video.', kinds: ['link', 'video'], required: true, criterionIds: ['c2'] },
      {
        id: 'impact',
        prompt: 'Share viewing data or student feedback and what you learned.',
        kinds: ['text', 'file'],
        required: true,
        criterionIds: ['c3'],
      },
    ],
    resources: [
      {
        title: 'Mayer’s principles of multimedia learning',
        url: 'https://www.learning-theories.com/cognitive-theory-of-multimedia-learning-mayer.html',
        note: '',
      },
    ],
    rubric: rubric([
      {
        name: 'Planning',
        description: 'A clear objective and sequence.',
        levels: ['No plan.', 'Outline only.', 'Storyboard tied to an objective.'],
      },
      {
        name: 'Production',
        description: 'Length, audio, visuals and signalling.',
        levels: ['Long, hard to follow.', 'Acceptable quality.', 'Concise and well signalled.'],
      },
      {
        name: 'Interaction and impact',
        description: 'Students act on the video.',
        levels: ['Passive viewing.', 'A follow-up task.', 'Embedded questions and evidence of impact.'],
      },
    ]),
    validity: { kind: 'never' },
    maxAttempts: 2,
  },
  {
    name: 'Using the LMS Effectively',
    description: 'Organises a learning management system course so students always know what to do next.',
    learningGoal: 'Build a consistent, navigable LMS course with clear modules, due dates and communication.',
    competency: 'The educator uses the LMS to structure, communicate and monitor learning.',
    criteriaNarrative: 'Submit screenshots of your course structure, a weekly announcement and how you used LMS analytics.',
    skills: ['learning management systems', 'course design', 'online teaching'],
    evidenceRequirements: [
      { id: 'structure', prompt: 'Upload screenshots of your module structure.', kinds: ['file'], required: true, criterionIds: ['c1'] },
      {
        id: 'communication',
        prompt: 'Paste a weekly announcement or message to students.',
        kinds: ['text'],
        required: true,
        criterionIds: ['c2'],
      },
      {
        id: 'analytics',
        prompt: 'Describe how you used LMS analytics to support a student.',
        kinds: ['text'],
        required: true,
        criterionIds: ['c3'],
      },
    ],
    resources: [
      { title: 'Quality Matters course design rubric', url: 'https://www.qualitymatters.org/qa-resources/rubric-standards', note: '' },
    ],
    rubric: rubric([
      {
        name: 'Course structure',
        description: 'Consistent modules and navigation.',
        levels: ['Unstructured.', 'Partly consistent.', 'Consistent modules with clear navigation.', 'Student-tested navigation.'],
      },
      {
        name: 'Communication',
        description: 'Regular, clear communication.',
        levels: ['Rare.', 'Irregular.', 'Weekly and clear.', 'Weekly, clear and two-way.'],
      },
      {
        name: 'Monitoring',
        description: 'Analytics inform support.',
        levels: ['Not used.', 'Checked occasionally.', 'Used to reach students who fall behind.', 'Systematic early-alert routine.'],
      },
    ]),
    validity: { kind: 'months', months: 24 },
    maxAttempts: 3,
  },
  {
    name: 'Using Interactive Simulations',
    description: 'Uses interactive simulations to let students explore concepts and test predictions.',
    learningGoal: 'Plan a lesson around an interactive simulation with prediction, exploration and explanation phases.',
    competency: 'The educator integrates interactive simulations into inquiry-based lessons.',
    criteriaNarrative: 'Submit the lesson plan, student work from the simulation and a reflection on conceptual change.',
    skills: ['simulations', 'inquiry-based learning', 'STEM'],
    alignments: [
      {
        targetName: 'NGSS Science and Engineering Practices',
        targetUrl: 'https://www.nextgenscience.org/',
        targetFramework: 'NGSS',
        targetCode: 'SEP',
      },
    ],
    evidenceRequirements: [
      {
        id: 'plan',
        prompt: 'Upload the lesson plan naming the simulation.',
        kinds: ['file', 'text'],
        required: true,
        criterionIds: ['c1'],
      },
      {
        id: 'student-work',
        prompt: 'Share student predictions and explanations.',
        kinds: ['file', 'link'],
        required: true,
        criterionIds: ['c2'],
      },
      { id: 'reflection', prompt: 'Reflect on evidence of conceptual change.', kinds: ['text'], required: true, criterionIds: ['c3'] },
    ],
    resources: [{ title: 'PhET interactive simulations', url: 'https://phet.colorado.edu/', note: 'Free science and maths simulations.' }],
    rubric: rubric([
      {
        name: 'Lesson design',
        description: 'Predict–explore–explain structure.',
        levels: ['Simulation as a demo.', 'Exploration without prediction.', 'Full predict–explore–explain cycle.'],
      },
      {
        name: 'Student reasoning',
        description: 'Students explain with evidence from the simulation.',
        levels: ['No explanations.', 'Explanations without evidence.', 'Explanations citing simulation evidence.'],
      },
      {
        name: 'Reflection',
        description: 'Reflection on conceptual change.',
        levels: ['Absent.', 'General impressions.', 'Specific evidence of change.'],
      },
    ]),
    validity: { kind: 'never' },
    maxAttempts: 3,
  },
];
