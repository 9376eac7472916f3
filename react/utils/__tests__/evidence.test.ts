import { classifyEvidence, parseEvidences } from '../evidence'

describe('evidences', () => {
  it.each([
    'https://cdn.example.com/proof.jpg',
    'https://cdn.example.com/proof.JPEG?sig=abc',
    'http://cdn.example.com/a/b.webp',
    'https://res.example.com/images/upload/abc',
    'https://img.example.com/x?format=png',
  ])('%s is an image', (url) => {
    expect(classifyEvidence(url)).toEqual({ kind: 'image', src: url })
  })

  it('a URL that does not look like an image is a link', () => {
    expect(classifyEvidence('https://courier.example.com/pod/123')).toEqual({
      kind: 'link',
      href: 'https://courier.example.com/pod/123',
    })
  })

  it('anything else is text, never a link (javascript: stays text)', () => {
    /* eslint-disable no-script-url */
    expect(classifyEvidence('Signed by J. Doe')).toEqual({
      kind: 'text',
      text: 'Signed by J. Doe',
    })
    expect(classifyEvidence('javascript:alert(1).png')).toEqual({
      kind: 'text',
      text: 'javascript:alert(1).png',
    })
    /* eslint-enable no-script-url */
  })

  it('splits several URLs and keeps notes whole', () => {
    expect(
      parseEvidences(
        'https://a.example.com/1.png, https://a.example.com/2.jpg Left at door, 2nd floor'
      )
    ).toEqual([
      { kind: 'image', src: 'https://a.example.com/1.png' },
      { kind: 'image', src: 'https://a.example.com/2.jpg' },
      { kind: 'text', text: 'Left at door, 2nd floor' },
    ])
  })

  it('is empty for nothing', () => {
    expect(parseEvidences(null)).toEqual([])
    expect(parseEvidences('   ')).toEqual([])
  })
})
